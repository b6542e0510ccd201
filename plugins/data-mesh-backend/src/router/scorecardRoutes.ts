import { NotFoundError } from '@backstage/errors';
import { Response } from 'express';
import { z } from 'zod';
import { ScorecardHistoryStore } from '../database/ScorecardHistoryStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { GovernanceService } from '../service/GovernanceService';
import { VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
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

const SCORECARD_PATH = '/scorecards/:namespace/:name';

/** `/evaluate` and `/scorecards`. */
export function scorecardRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  scorecards: ScorecardStore;
  history: ScorecardHistoryStore;
  governance: GovernanceService;
  visibility: VisibilityService;
}) {
  const { router, access, scorecards, history, governance, visibility } = deps;

  access.route('post', '/evaluate', { bodyLimit: '1mb' });
  router.post('/evaluate', async (req, res) => {
    const credentials = credentialsOf(res);
    const { entity } = parseRequest(evaluateBodySchema, req.body, 'body');
    res.json(
      await governance.evaluate(entity, credentials, ref =>
        visibility.canSee(credentials, ref),
      ),
    );
  });

  access.route('get', '/scorecards', {});
  router.get('/scorecards', async (req, res) => {
    const credentials = credentialsOf(res);
    const query = parseRequest(scorecardListQuerySchema, req.query, 'query');
    res.json(
      await scorecards.list(
        query,
        await visibility.visibleProducts(credentials),
      ),
    );
  });

  const visibleRef = async (
    params: { namespace: string; name: string },
    res: Response,
  ) => {
    const ref = productRef(params);
    if (!(await visibility.canSee(credentialsOf(res), ref))) {
      throw new NotFoundError(`No scorecard for ${ref}`);
    }
    return ref;
  };

  access.route('get', SCORECARD_PATH, {});
  router.get(SCORECARD_PATH, async (req, res) => {
    const ref = await visibleRef(req.params, res);
    const card = await scorecards.get(ref);
    if (!card) {
      throw new NotFoundError(`No scorecard for ${ref}`);
    }
    res.json(card);
  });

  access.route('get', `${SCORECARD_PATH}/history`, {});
  router.get(`${SCORECARD_PATH}/history`, async (req, res) => {
    const range = parseRequest(historyQuerySchema, req.query, 'query');
    const ref = await visibleRef(req.params, res);
    res.json({ items: await history.list(ref, range) });
  });
}
