import { createMockDirectory } from '@backstage/backend-test-utils';
import { parse } from 'yaml';
import { startPortal } from './__testUtils__/portal';
import {
  FINANCE_VALUES_BREAKING_POLICIES,
  TEMPLATE_VALUES,
} from './__testUtils__/templateValues';

jest.setTimeout(60_000);

describe('the self-serve templates, run as tasks', () => {
  const dir = createMockDirectory();
  let portal: Awaited<ReturnType<typeof startPortal>>;

  beforeAll(async () => {
    portal = await startPortal({ publishDir: dir.resolve('published') });
  });
  afterAll(() => portal.stop());

  /** Starts a task and waits until it completes or fails. */
  async function runTask(template: string, values: Record<string, unknown>) {
    const created = await portal.api
      .post('/api/scaffolder/v2/tasks')
      .send({ templateRef: `template:default/${template}`, values });
    expect(created.status).toBe(201);
    for (;;) {
      const { body: task } = await portal.api.get(
        `/api/scaffolder/v2/tasks/${created.body.id}`,
      );
      if (task.status === 'completed' || task.status === 'failed') {
        const { body: events } = await portal.api.get(
          `/api/scaffolder/v2/tasks/${created.body.id}/events`,
        );
        return { task, events: events as Array<{ body: any }> };
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }

  const stepsStarted = (events: Array<{ body: any }>) =>
    events
      .filter(e => e.body.status === 'processing' && e.body.stepId)
      .map(e => e.body.stepId);

  it('publishes a consumer-aligned product into the catalog, annotated with its template', async () => {
    const values = TEMPLATE_VALUES['consumer-aligned-data-product'];
    const { task, events } = await runTask(
      'consumer-aligned-data-product',
      values,
    );

    expect(task.status).toBe('completed');
    expect(stepsStarted(events)).toEqual([
      'product',
      'skeleton',
      'governance',
      'publish',
    ]);
    const product = await portal.catalog.getEntityByRef(
      'dataproduct:default/campaign-orders',
    );
    expect(product?.metadata.annotations).toMatchObject({
      'datamesh.io/template': 'template:default/consumer-aligned-data-product',
    });
    const published = dir.content({ path: 'published/campaign-orders' })!;
    expect(Object.keys(published).sort()).toEqual([
      '.github',
      'README.md',
      'catalog-info.yaml',
      'contracts',
      'dbt_project.yml',
      'docs',
      'mkdocs.yml',
      'models',
      'scripts',
    ]);
    expect(parse(published['catalog-info.yaml'] as string)).toEqual(product);
  });

  it('fails at the governance check and publishes nothing when the input breaks error rules', async () => {
    const { task, events } = await runTask(
      'source-aligned-data-product',
      FINANCE_VALUES_BREAKING_POLICIES,
    );

    expect(task.status).toBe('failed');
    expect(stepsStarted(events)).toEqual(['product', 'skeleton', 'governance']);
    const failure = events.find(
      e => e.body.stepId === 'governance' && e.body.status === 'failed',
    );
    expect(failure?.body.message).toMatch(/- SLO-001 .*\n- FIN-001 /);
    expect(dir.content({ path: 'published/refund-ledger' })).toBeUndefined();
    expect(
      await portal.catalog.getEntityByRef('dataproduct:default/refund-ledger'),
    ).toBeUndefined();
  });

  it('refuses a second run for a name that is already published, and keeps the first', async () => {
    const values = TEMPLATE_VALUES['aggregate-data-product'];
    const first = await runTask('aggregate-data-product', values);
    expect(first.task.status).toBe('completed');

    const second = await runTask('aggregate-data-product', {
      ...values,
      title: 'Another product with the same name',
    });
    expect(second.task.status).toBe('failed');
    const failure = second.events.find(
      e => e.body.stepId === 'publish' && e.body.status === 'failed',
    );
    expect(failure?.body.message).toContain(
      'A data product named customer-lifetime already exists in the catalog',
    );
    const published = dir.content({ path: 'published/customer-lifetime' })!;
    expect(parse(published['catalog-info.yaml'] as string).metadata.title).toBe(
      'Customer Lifetime',
    );
  });
});
