import { dataMeshStandardsImportPermission } from '@datamesh-backstage/plugin-data-mesh-common';
import { z } from 'zod';
import { StandardsService } from '../service/standards/StandardsService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
import { parseRequest, productRef } from './validation';

/** Most files of one product (the product, its contracts and `$ref`ed files). */
const MAX_FILES = 200;

const importBodySchema = z
  .object({
    files: z
      .array(
        z
          .object({
            path: z.string().trim().min(1).max(1024),
            content: z.string().max(2_000_000),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_FILES),
  })
  .strict()
  .refine(
    body => new Set(body.files.map(f => f.path)).size === body.files.length,
    { message: 'each path must appear once', path: ['files'] },
  );

const exportQuerySchema = z
  .object({ format: z.enum(['odps', 'dpds']) })
  .strict();

const EXPORT_PATH = '/products/:namespace/:name/export';

/**
 * `/import` and `/products/:namespace/:name/export`: one product's files in
 * an open standard (ODPS, ODCS, DPDS, Data Contract Specification) as a
 * DataProduct, and a product back as ODPS + ODCS or DPDS. Nothing is stored.
 */
export function standardsRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  standards: StandardsService;
}) {
  const { router, access, standards } = deps;

  access.route('post', '/import', {
    permission: dataMeshStandardsImportPermission,
    bodyLimit: '8mb',
  });
  router.post('/import', async (req, res) => {
    const { files } = parseRequest(importBodySchema, req.body, 'body');
    res.json(standards.importFiles(files));
  });

  access.route('get', EXPORT_PATH, {});
  router.get(EXPORT_PATH, async (req, res) => {
    const { format } = parseRequest(exportQuerySchema, req.query, 'query');
    res.json(
      await standards.exportProduct(
        productRef(req.params),
        format,
        credentialsOf(res),
      ),
    );
  });
}
