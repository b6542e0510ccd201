import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The user-facing texts of the data mesh plugin, in both frontend systems.
 * Apps replace any of them with `createTranslationMessages` (see the
 * README); the keys are the dotted paths of these messages, for example
 * `cards.lineage.title`.
 *
 * Page and tab titles of the new frontend system are extension config
 * (`title`), as Backstage's page blueprints take them.
 * @alpha
 */
export const dataMeshTranslationRef = createTranslationRef({
  id: 'data-mesh',
  messages: {
    pages: {
      domains: {
        title: 'Domain scorecards',
        subtitle: 'Governance scores of every domain and its data products',
      },
      kpis: {
        title: 'Data mesh KPIs',
        subtitle:
          'Mesh adoption, quality and consumption against their targets',
        campaigns: 'Campaigns',
      },
      campaigns: {
        title: 'Governance campaigns',
        subtitle:
          'Bringing products to a standard by a deadline, tracked every day',
      },
    },
    cards: {
      notDataProduct: {
        title: 'Not a data product',
        message: 'This card shows entities of kind DataProduct.',
      },
      overview: {
        title: 'Data product',
        description: 'Description',
        type: 'Type',
        domain: 'Domain',
        owner: 'Owner',
        version: 'Version',
        lifecycle: 'Lifecycle',
        classification: 'Classification',
        retention: 'Retention',
        tags: 'Tags',
        links: 'Links',
      },
      scorecard: { title: 'Governance scorecard' },
      campaigns: {
        title: 'Campaigns',
        emptyTitle: 'No open campaign concerns this product',
        done: 'Done',
        mustFix: 'Must fix {{rules}}',
        mustScore: 'Must score at least {{minScore}} (now {{score}})',
        deadline: 'by {{deadline}}',
      },
      scoreHistory: { title: 'Score history' },
      versions: { title: 'Version history' },
      deprecation: { title: 'Deprecated' },
      deprecatedInputs: { title: 'Deprecated data products read' },
      slo: {
        title: 'Service level objectives',
        emptyTitle: 'No SLOs declared',
      },
      schema: { title: 'Schema', emptyTitle: 'No schema declared' },
      ports: {
        title: 'Ports',
        emptyTitle: 'No ports declared',
        output: 'Output ports',
        input: 'Input ports',
      },
      standards: {
        title: 'Open standards',
        importedFrom:
          'Imported from {{standard}} {{version}}. Fields of the source with no place in this product:',
        lossReport: 'Loss report of the import',
        lossless: 'Every field of the source has its place in this product.',
        notImported:
          'Written as a DataProduct. Export it to the open standards of data products and contracts:',
        export: { odps: 'Export ODPS + ODCS', dpds: 'Export DPDS' },
        exportNotFound: 'The product cannot be read.',
        downloaded: 'Downloaded {{archive}}: {{files}}',
        exportLoss: {
          odps: 'What ODPS and ODCS cannot hold',
          dpds: 'What DPDS cannot hold',
        },
        exportLossless: 'The standard holds every field of this product.',
      },
      lineage: {
        title: 'Lineage',
        loading: 'Loading the lineage',
        emptyTitle: 'No lineage',
        emptyDescription:
          'No product feeds this one and nothing reads it yet: declare spec.lineage.upstreamProducts and input ports that name the product they read.',
        upstream: 'Upstream (reads from)',
        downstream: 'Downstream (read by)',
        none: 'None',
        agreed: 'Agreed consumers (data sharing agreement)',
        declaredOnly: 'Declared, not agreed',
      },
      access: {
        title: 'Access',
        port: 'Output port',
        requestAccess: 'Request access',
        requestAccessTo: 'Request access to {{port}}',
        noPorts: 'The product has no output ports to request access to.',
        requested: 'Access to {{port}} requested: {{status}}.',
        pending: 'Pending requests',
        noPending: 'No request waits for a decision.',
        agreements: 'Agreements',
        noAgreements: 'No agreements yet.',
        approve: 'Approve',
        reject: 'Reject',
        revoke: 'Revoke',
        retry: 'Retry',
        renew: 'Renew',
        cancel: 'Cancel',
        submit: 'Send request',
        form: {
          consumer: 'Consuming entity',
          consumerHelp:
            'A component, system, group or data product you own reads the data.',
          noConsumers:
            'You own no component, system, group or data product that could consume data.',
          purpose: 'Purpose',
          purposeHelp: 'Why the consumer needs the data.',
          piiPurposeHelp:
            'The port carries PII: choose one of the purposes your organisation allows.',
          fields: 'Fields needed',
          fieldsHelp:
            'Leave empty for the whole port. Fields marked PII need a PII purpose.',
          classification: 'Classification: {{classification}}',
          until: 'End date',
          reviewer: 'Data protection reviewer',
          reviewerHelp:
            'A restricted product needs a named reviewer, as user:namespace/name.',
          failed: 'The request was not accepted: {{message}}',
        },
        decision: {
          approveTitle: 'Approve the request of {{consumer}}',
          rejectTitle: 'Reject the request of {{consumer}}',
          revokeTitle: 'Revoke the agreement of {{consumer}}',
          renewTitle: 'Renew the agreement of {{consumer}}',
          comment: 'Comment',
          reason: 'Reason',
          newUntil: 'New end date',
          failed: 'The action failed: {{message}}',
        },
      },
    },
    myRequests: {
      title: 'My access requests',
      subtitle: 'Data access you asked for, and requests waiting for you',
      mine: 'Requests I made',
      noneMine: 'You have not requested access to any data product.',
      awaiting: 'Awaiting my decision',
      noneAwaiting: 'No request waits for your decision.',
    },
  },
});
