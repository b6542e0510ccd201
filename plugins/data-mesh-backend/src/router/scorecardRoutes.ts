import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import Router from 'express-promise-router';
import { z } from 'zod';
import { Knex } from 'knex';
import { listScorecards } from '../database/listScorecards';
import { ScorecardStore } from '../database/ScorecardStore';
import { GovernanceService } from '../service/GovernanceService';
import { VisibilityService } from '../service/VisibilityService';
import {
  isoDateTimeSchema,
  parseRequest,
  productRef,
  scorecardListQuerySchema,
} from './validation';

const evaluateBodySchema = z
  .object({ entity: z.record(z.string(), z.unknown()) })
  .strict();

const historyQuerySchema = z
  .object({
    from: isoDateTimeSchema.optional(),
    to: isoDateTimeSchema.optional(),
  })
  .strict();

/** `/evaluate` and `/scorecards`. */
export function scorecardRoutes(deps: {
  httpAuth: HttpAuthService;
  db: Knex;
  scorecards: ScorecardStore;
  governance: GovernanceService;
  visibility: VisibilityService;
}) {
  const { httpAuth, scorecards, governance, visibility } = deps;
  const router = Router();

  router.post('/evaluate', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { entity } = parseRequest(evaluateBodySchema, req.body, 'body');
    res.json(
      await governance.evaluate(entity, credentials, ref =>
        visibility.canSee(credentials, ref),
      ),
    );
  });

  router.get('/scorecards', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = parseRequest(scorecardListQuerySchema, req.query, 'query');
    res.json(
      await listScorecards(
        deps.db,
        query,
        await visibility.visibleProducts(credentials),
      ),
    );
  });

  const visibleRef = async (req: any) => {
    const ref = productRef(req.params);
    if (!(await visibility.canSee(await httpAuth.credentials(req), ref))) {
      throw new NotFoundError(`No scorecard for ${ref}`);
    }
    return ref;
  };

  router.get('/scorecards/:namespace/:name', async (req, res) => {
    const ref = await visibleRef(req);
    const card = await scorecards.get(ref);
    if (!card) {
      throw new NotFoundError(`No scorecard for ${ref}`);
    }
    res.json(card);
  });

  router.get('/scorecards/:namespace/:name/history', async (req, res) => {
    const range = parseRequest(historyQuerySchema, req.query, 'query');
    const ref = await visibleRef(req);
    res.json({ items: await scorecards.history(ref, range) });
  });

  return router;
}
