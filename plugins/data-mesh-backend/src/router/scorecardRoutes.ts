import { NotFoundError } from '@backstage/errors';
import { Request, Response } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { Knex } from 'knex';
import { listScorecards } from '../database/listScorecards';
import { ScorecardHistoryStore } from '../database/ScorecardHistoryStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { GovernanceService } from '../service/GovernanceService';
import { VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
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
  access: AccessControl;
  db: Knex;
  scorecards: ScorecardStore;
  history: ScorecardHistoryStore;
  governance: GovernanceService;
  visibility: VisibilityService;
}) {
  const { access, scorecards, history, governance, visibility } = deps;
  const authenticated = access.guard({});
  const router = Router();

  router.post(
    '/evaluate',
    ...access.guard({ bodyLimit: '1mb' }),
    async (req, res) => {
      const credentials = credentialsOf(res);
      const { entity } = parseRequest(evaluateBodySchema, req.body, 'body');
      res.json(
        await governance.evaluate(entity, credentials, ref =>
          visibility.canSee(credentials, ref),
        ),
      );
    },
  );

  router.get('/scorecards', ...authenticated, async (req, res) => {
    const credentials = credentialsOf(res);
    const query = parseRequest(scorecardListQuerySchema, req.query, 'query');
    res.json(
      await listScorecards(
        deps.db,
        query,
        await visibility.visibleProducts(credentials),
      ),
    );
  });

  const visibleRef = async (req: Request, res: Response) => {
    const ref = productRef(req.params);
    if (!(await visibility.canSee(credentialsOf(res), ref))) {
      throw new NotFoundError(`No scorecard for ${ref}`);
    }
    return ref;
  };

  router.get(
    '/scorecards/:namespace/:name',
    ...authenticated,
    async (req, res) => {
      const ref = await visibleRef(req, res);
      const card = await scorecards.get(ref);
      if (!card) {
        throw new NotFoundError(`No scorecard for ${ref}`);
      }
      res.json(card);
    },
  );

  router.get(
    '/scorecards/:namespace/:name/history',
    ...authenticated,
    async (req, res) => {
      const range = parseRequest(historyQuerySchema, req.query, 'query');
      const ref = await visibleRef(req, res);
      res.json({ items: await history.list(ref, range) });
    },
  );

  return router;
}
