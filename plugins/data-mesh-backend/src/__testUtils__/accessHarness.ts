import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  AccessProvisioner,
  ExternalAccessApprover,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { DatabaseAccessRequestStore } from '../database/DatabaseAccessRequestStore';
import { DatabaseAgreementStore } from '../database/DatabaseAgreementStore';
import { DatabaseNotificationClaimStore } from '../database/DatabaseNotificationClaimStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { AccessNotifier } from '../service/access/AccessNotifier';
import { ownerOf } from '../service/access/accessParties';
import { AccessService } from '../service/access/AccessService';
import { AccessSettings } from '../service/access/accessSettings';
import { AgreementService } from '../service/access/AgreementService';
import type { CatalogReader } from '../service/CatalogReader';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const entity = (kind: string, name: string, spec: object): Entity => ({
  apiVersion:
    kind === 'DataProduct' ? 'datamesh.io/v1alpha1' : 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: spec as Entity['spec'],
});

const product = (name: string, spec: object) =>
  entity('DataProduct', name, {
    type: 'aggregate',
    lifecycle: 'production',
    owner: 'customer-team',
    domain: 'customer',
    outputPorts: [{ name: 'table', type: 'snowflake' }],
    inputPorts: [{ name: 'raw', type: 'kafka' }],
    schema: {
      fields: [
        { name: 'customer_id', pii: false },
        { name: 'email', pii: true },
      ],
    },
    ...spec,
  });

/**
 * A small mesh of the access tests: customer-360 (PII in `email`),
 * orders (no PII), payments (restricted), all in the customer domain and
 * owned by group customer-team; consumers in the customer domain (a
 * component of a customer system) and in marketing.
 */
export const ACCESS_MESH: Entity[] = [
  product('customer-360', {}),
  product('orders', { schema: { fields: [{ name: 'order_id' }] } }),
  product('payments', {
    schema: { fields: [{ name: 'amount' }] },
    access: { classification: 'restricted' },
  }),
  entity('System', 'customer-analytics', {
    owner: 'user:jo',
    domain: 'customer',
  }),
  entity('Component', 'churn-model', {
    owner: 'user:jo',
    system: 'customer-analytics',
    type: 'service',
    lifecycle: 'production',
  }),
  entity('System', 'campaigns', { owner: 'user:kim', domain: 'marketing' }),
  entity('Component', 'ads', {
    owner: 'user:kim',
    system: 'campaigns',
    type: 'service',
    lifecycle: 'production',
  }),
];

export const DEFAULT_ACCESS_SETTINGS: AccessSettings = {
  piiPurposes: ['fraud-prevention'],
  defaultMode: 'manual',
  productModes: new Map(),
  domainModes: new Map(),
  reminderLeadTimeMs: 7 * 86_400_000,
};

/** A provisioner recording its calls; `failGrant` / `failRevoke` make it throw. */
export function recordingProvisioner() {
  const calls: string[] = [];
  const provisioner = {
    calls,
    failGrant: false,
    failRevoke: false,
    async grant(event: { agreementId: string }) {
      if (provisioner.failGrant)
        throw new Error('grant refused by the warehouse');
      calls.push(`grant ${event.agreementId}`);
    },
    async revoke(event: { agreementId: string }) {
      if (provisioner.failRevoke)
        throw new Error('revoke refused by the warehouse');
      calls.push(`revoke ${event.agreementId}`);
    },
  };
  return provisioner;
}

/**
 * The access services on in-memory SQLite with a clock the test moves, a
 * catalog of `ACCESS_MESH`, permissions that allow everything (unless
 * `allow` says otherwise) and notifications recorded in `sent`.
 */
export async function accessHarness(
  options: {
    settings?: Partial<AccessSettings>;
    provisioners?: AccessProvisioner[];
    externalApprover?: ExternalAccessApprover;
    allow?: (permission: string, resourceRef?: string) => boolean;
    now?: string;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  await applyDatabaseMigrations(knex);
  const clock = { now: new Date(options.now ?? '2026-12-01T10:00:00.000Z') };
  const now = () => clock.now;
  const byRef = new Map(
    ACCESS_MESH.map(e => [
      `${e.kind.toLocaleLowerCase('en-US')}:default/${e.metadata.name}`,
      e,
    ]),
  );
  const readByRefs = async (refs: string[]) =>
    refs.map(ref => byRef.get(ref) ?? null);
  const reader = {
    readByRefs,
    readProducts: async (refs: string[]) =>
      (await readByRefs(refs)).filter(e => e?.kind === 'DataProduct'),
  } as unknown as CatalogReader;
  const allow = options.allow ?? (() => true);
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result: allow(
          r.permission.name,
          (r as { resourceRef?: string }).resourceRef,
        )
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })),
  });
  const sent: Array<{ to: string[]; title: string; topic: string }> = [];
  const notifier = new AccessNotifier({
    notifications: {
      send: async ({ recipients, payload }) => {
        sent.push({
          to: (recipients as { entityRef: string[] }).entityRef,
          title: payload.title,
          topic: payload.topic!,
        });
      },
    },
    claims: new DatabaseNotificationClaimStore(knex),
    logger: mockServices.logger.mock(),
  });
  const requests = new DatabaseAccessRequestStore(knex);
  const agreements = new DatabaseAgreementStore(knex);
  /** The catalog refreshes asked for: `<agreement status> <consumer>`. */
  const refreshed: string[] = [];
  const agreementService = new AgreementService({
    agreements,
    provisioners: options.provisioners ?? [],
    notifier,
    ownerOf: async ref => {
      const found = byRef.get(ref);
      return found && ownerOf(found);
    },
    refreshEdge: async agreement => {
      refreshed.push(`${agreement.status} ${agreement.consumer}`);
    },
    logger: mockServices.logger.mock(),
    now,
  });
  const accessService = new AccessService({
    requests,
    agreementService,
    reader,
    permissions,
    notifier,
    settings: { ...DEFAULT_ACCESS_SETTINGS, ...options.settings },
    externalApprover: options.externalApprover,
    logger: mockServices.logger.mock(),
    now,
  });
  return {
    clock,
    requests,
    agreements,
    agreementService,
    accessService,
    sent,
    refreshed,
  };
}
