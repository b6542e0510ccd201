import { NotFoundError } from '@backstage/errors';
import type { Response } from 'express';
import {
  dataMeshAccessApprovePermission,
  dataMeshAccessAuditPermission,
  dataMeshAccessRequestPermission,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { AgreementStore } from '../database/AgreementStore';
import { auditCsv } from '../service/access/auditCsv';
import { actorOf } from '../service/access/accessParties';
import { AccessScopes } from '../service/access/AccessScopes';
import { AccessService } from '../service/access/AccessService';
import { withoutPrivatePurposes } from '../service/access/purposePrivacy';
import { AgreementService } from '../service/access/AgreementService';
import { AccessControl, credentialsOf } from './accessControl';
import {
  agreementQuerySchema,
  auditQuerySchema,
  renewBodySchema,
  revokeBodySchema,
} from './accessValidation';
import type { DataMeshRouter } from './createRouter';
import { parseRequest } from './validation';

/** Most audit entries one response holds. */
const AUDIT_LIMIT = 10000;

/**
 * `/agreements`: list the agreements the caller requested or may decide;
 * revoke or retry one (`data-mesh.access.approve` on its product); renew one
 * (`data-mesh.access.request` on its consumer); the audit trail of every
 * request and agreement (`data-mesh.access.audit`), as JSON or CSV.
 */
export function agreementRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  agreements: AgreementStore;
  accessService: AccessService;
  accessScopes: AccessScopes;
  agreementService: AgreementService;
  now?: () => Date;
}) {
  const { router, access, agreements, accessService, agreementService } = deps;
  const { accessScopes } = deps;
  const now = deps.now ?? (() => new Date());

  async function agreementOf(id: string) {
    const agreement = await agreements.get(id);
    if (!agreement) throw new NotFoundError(`No agreement ${id}`);
    return agreement;
  }

  access.route('get', '/agreements', {});
  router.get('/agreements', async (req, res) => {
    const filter = parseRequest(agreementQuerySchema, req.query, 'query');
    // The products whose agreements the listing may show: the one asked
    // for (no query needed), else those that have agreements.
    const candidates = filter.product
      ? [filter.product]
      : await agreements.productsOf(filter);
    const { scope, readers } = await accessScopes.listing(
      credentialsOf(res),
      candidates,
      { catalogVisible: true },
    );
    const items = await agreements.list(filter, scope);
    res.json({ items: withoutPrivatePurposes(items, readers) });
  });

  access.route('get', '/agreements/audit', {
    permission: dataMeshAccessAuditPermission,
  });
  router.get('/agreements/audit', async (req, res) => {
    const { format, ...filter } = parseRequest(
      auditQuerySchema,
      req.query,
      'query',
    );
    const items = await agreements.audit(filter, AUDIT_LIMIT);
    if (format === 'csv') {
      // The typed router knows the JSON response only.
      (res as unknown as Response)
        .type('text/csv')
        .attachment('data-access-audit.csv')
        .send(auditCsv(items));
      return;
    }
    res.json({ items });
  });

  const approver = {
    permission: dataMeshAccessApprovePermission,
    allow: ['user' as const],
  };

  access.route('post', '/agreements/:id/revoke', {
    ...approver,
    bodyLimit: '16kb',
  });
  router.post('/agreements/:id/revoke', async (req, res) => {
    const body = parseRequest(revokeBodySchema, req.body, 'body');
    const credentials = credentialsOf(res);
    const agreement = await agreementOf(req.params.id);
    await accessScopes.requireApprover(credentials, agreement.product);
    res.json(
      await agreementService.revoke(
        agreement.id,
        body.reason,
        actorOf(credentials),
      ),
    );
  });

  // No body is needed; one sent is still read by the guard, within a small
  // limit, so that it is refused like any other route's.
  access.route('post', '/agreements/:id/retry', {
    ...approver,
    bodyLimit: '1kb',
  });
  router.post('/agreements/:id/retry', async (req, res) => {
    const credentials = credentialsOf(res);
    const agreement = await agreementOf(req.params.id);
    await accessScopes.requireApprover(credentials, agreement.product);
    res.json(await agreementService.retry(agreement.id, actorOf(credentials)));
  });

  access.route('post', '/agreements/:id/renew', {
    allow: ['user'],
    permission: dataMeshAccessRequestPermission,
    bodyLimit: '16kb',
  });
  router.post('/agreements/:id/renew', async (req, res) => {
    const body = parseRequest(renewBodySchema(now), req.body, 'body');
    const agreement = await agreementOf(req.params.id);
    res
      .status(201)
      .json(await accessService.renew(agreement, body, credentialsOf(res)));
  });
}
