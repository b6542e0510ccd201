import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { FreshnessService } from '../service/FreshnessService';
import { KpiService } from '../service/kpis/KpiService';
import { VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
import { parseRequest } from './validation';

const DAY_MS = 86_400_000;
/** At most three years of daily points in one response. */
const MAX_RANGE_DAYS = 3 * 366;

const day = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const historyQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    interval: z.enum(['day', 'week']).default('day'),
  })
  .strict();

/** `/kpis`: the mesh-adoption KPIs now and over time. */
export function kpiRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  kpis: KpiService;
  freshness: FreshnessService;
  visibility: VisibilityService;
}) {
  const { router, access, kpis, visibility } = deps;

  access.route('get', '/kpis', {});
  router.get('/kpis', async (_req, res) => {
    const credentials = credentialsOf(res);
    const [current, freshness] = await Promise.all([
      kpis.current(credentials, await visibility.visibleProducts(credentials)),
      deps.freshness.current(),
    ]);
    res.json({ ...current, freshness });
  });

  access.route('get', '/kpis/history', {});
  router.get('/kpis/history', async (req, res) => {
    const credentials = credentialsOf(res);
    const query = parseRequest(historyQuerySchema, req.query, 'query');
    const to = query.to ?? new Date().toISOString().slice(0, 10);
    const from =
      query.from ??
      new Date(Date.parse(to) - 90 * DAY_MS).toISOString().slice(0, 10);
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
    if (days < 0 || days > MAX_RANGE_DAYS) {
      throw new InputError(
        `query.from: must be on or before query.to, at most ${MAX_RANGE_DAYS} days earlier`,
      );
    }
    res.json(
      await kpis.history(
        { from, to, interval: query.interval },
        await visibility.visibleProducts(credentials),
      ),
    );
  });

  return router;
}
