import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { DATA_PRODUCT_KIND } from '@datamesh-backstage/plugin-data-mesh-common';
import type { AccessRequestStore } from '../database/AccessRequestStore';

const DAY_MS = 86_400_000;

/** One example request of `dataMesh.examples.accessRequests`. */
interface ExampleAccessRequest {
  product: string;
  port: string;
  consumer: string;
  purpose: string;
  fields: string[];
  requestedBy: string;
  days: number;
}

function readExamples(config: RootConfigService): ExampleAccessRequest[] {
  const items = config.getOptionalConfigArray(
    'dataMesh.examples.accessRequests',
  );
  return (items ?? []).map(item => ({
    product: stringifyEntityRef(
      parseEntityRef(item.getString('product'), {
        defaultKind: DATA_PRODUCT_KIND,
      }),
    ),
    port: item.getString('port'),
    consumer: stringifyEntityRef(parseEntityRef(item.getString('consumer'))),
    purpose: item.getString('purpose'),
    fields: item.getOptionalStringArray('fields') ?? [],
    requestedBy: stringifyEntityRef(
      parseEntityRef(item.getString('requestedBy'), { defaultKind: 'User' }),
    ),
    days: item.getOptionalNumber('days') ?? 90,
  }));
}

/**
 * Files the example portal's pending access requests of
 * `dataMesh.examples.accessRequests`, as made by the users they name, so
 * that a portal signed in as another user has requests to decide. A
 * request already pending for the same product, consumer and requester is
 * not filed again. Meant for demonstration portals only: the requests skip
 * the requester's permission check, as the operator's configuration names
 * them.
 */
export async function fileExampleAccessRequests(options: {
  config: RootConfigService;
  requests: AccessRequestStore;
  logger: LoggerService;
  now?: () => Date;
}): Promise<number> {
  const now = (options.now ?? (() => new Date()))();
  let filed = 0;
  for (const example of readExamples(options.config)) {
    const pending = await options.requests.list(
      { product: example.product, status: 'pending' },
      'all',
    );
    if (
      pending.some(
        r =>
          r.consumer === example.consumer &&
          r.requestedBy === example.requestedBy,
      )
    ) {
      continue;
    }
    const { days, ...request } = example;
    await options.requests.create(
      {
        ...request,
        until: new Date(now.getTime() + days * DAY_MS).toISOString(),
        mode: 'manual',
      },
      now.toISOString(),
    );
    filed++;
  }
  if (filed) {
    options.logger.info(`Filed ${filed} example access request(s)`);
  }
  return filed;
}
