import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { parse } from 'yaml';
import { publishingOf, startPortal } from './__testUtils__/portal';
import {
  FINANCE_VALUES_BREAKING_POLICIES,
  TEMPLATE_VALUES,
} from './__testUtils__/templateValues';

type Portal = Awaited<ReturnType<typeof startPortal>>;
type TaskEvent = { type: string; body: any };

/** Starts a task and waits until it completes or fails. */
async function runTask(
  portal: Portal,
  template: string,
  values: Record<string, unknown>,
) {
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
      return { task, events: events as TaskEvent[] };
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

const stepsWith = (events: TaskEvent[], status: string) =>
  events
    .filter(e => e.body.status === status && e.body.stepId)
    .map(e => e.body.stepId);

/** The steps that ran, in order: started and not skipped by their `if:`. */
const stepsRun = (events: TaskEvent[]) =>
  stepsWith(events, 'processing').filter(
    id => !stepsWith(events, 'skipped').includes(id),
  );

/** The output of a completed task (its links and texts). */
const taskOutput = (events: TaskEvent[]) =>
  events.find(e => e.type === 'completion')?.body.output;

describe('the self-serve templates, run as tasks', () => {
  const dir = createMockDirectory();
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal({ publishDir: dir.resolve('published') });
  });
  afterAll(() => portal.stop());

  it('publishes a consumer-aligned product into the catalog, annotated with its template', async () => {
    const values = TEMPLATE_VALUES['consumer-aligned-data-product'];
    const { task, events } = await runTask(
      portal,
      'consumer-aligned-data-product',
      values,
    );

    expect(task.status).toBe('completed');
    expect(stepsRun(events)).toEqual([
      'product',
      'skeleton',
      'governance',
      'publish',
      'provenance',
    ]);
    expect(stepsWith(events, 'skipped')).toEqual(['repository', 'register']);
    // The run recorded, with the scaffolder's credentials, that it created
    // the product: the evidence the self-serve KPIs count.
    const provenance = await portal.api
      .get('/api/data-mesh/products/default/campaign-orders/provenance')
      .set('Authorization', `Bearer ${mockCredentials.user.token()}`);
    expect(provenance.status).toBe(200);
    expect(provenance.body).toMatchObject({
      templateRef: 'template:default/consumer-aligned-data-product',
      recordedBy: 'plugin:scaffolder',
      taskId: task.id,
    });
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
    expect(taskOutput(events).links).toEqual([
      {
        title: 'Open the data product',
        icon: 'catalog',
        entityRef: 'dataproduct:default/campaign-orders',
      },
    ]);
    // The git host's steps are for portals that have one.
    expect(portal.github.inputs).toEqual([]);
    expect(portal.catalog.addLocation).not.toHaveBeenCalled();
  });

  it('fails at the governance check and publishes nothing when the input breaks error rules', async () => {
    const { task, events } = await runTask(
      portal,
      'source-aligned-data-product',
      FINANCE_VALUES_BREAKING_POLICIES,
    );

    expect(task.status).toBe('failed');
    expect(stepsRun(events)).toEqual(['product', 'skeleton', 'governance']);
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
    const first = await runTask(portal, 'aggregate-data-product', values);
    expect(first.task.status).toBe('completed');

    const second = await runTask(portal, 'aggregate-data-product', {
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

describe('the self-serve templates, run as tasks in a portal with a git host (app-config.production.yaml)', () => {
  const dir = createMockDirectory();
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal({
      publishDir: dir.resolve('published'),
      gitHubDir: dir.resolve('github'),
      publishing: publishingOf('app-config.production.yaml', {
        DATA_PRODUCT_REPO_OWNER: 'acme-data',
      }),
    });
  });
  afterAll(() => portal.stop());

  it('publishes the product to a new GitHub repository and registers its catalog-info.yaml', async () => {
    const values = TEMPLATE_VALUES['source-aligned-data-product'];
    const { task, events } = await runTask(
      portal,
      'source-aligned-data-product',
      values,
    );

    expect(events.filter(e => e.body.status === 'failed')).toEqual([]);
    expect(task.status).toBe('completed');
    expect(stepsRun(events)).toEqual([
      'product',
      'skeleton',
      'governance',
      'repository',
      'register',
      'provenance',
    ]);
    expect(stepsWith(events, 'skipped')).toEqual(['publish']);
    expect(portal.github.inputs).toEqual([
      {
        repoUrl: 'github.com?owner=acme-data&repo=order-returns',
        description: 'Order Returns',
        defaultBranch: 'main',
        repoVisibility: 'private',
        gitCommitMessage: 'Create the data product order-returns',
        topics: ['data-mesh', 'data-product', 'source-aligned'],
      },
    ]);
    const repository = dir.content({ path: 'github/acme-data/order-returns' })!;
    expect(Object.keys(repository).sort()).toEqual([
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

    // catalog:register adds the repository's catalog-info.yaml as a url
    // Location (GitHub's integration resolves it against the repository's
    // contents URL), with the credentials of the user who ran the template.
    const catalogInfoUrl =
      'https://github.com/acme-data/order-returns/tree/main/catalog-info.yaml';
    expect(portal.catalog.addLocation).toHaveBeenCalledWith(
      { type: 'url', target: catalogInfoUrl },
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({
            userEntityRef: 'user:default/mock',
          }),
        }),
      },
    );
    const product = await portal.catalog.getEntityByRef(
      'dataproduct:default/order-returns',
    );
    expect(parse(repository['catalog-info.yaml'] as string)).toEqual(product);
    expect(product?.metadata.annotations).toMatchObject({
      'datamesh.io/template': 'template:default/source-aligned-data-product',
    });

    expect(taskOutput(events).links).toEqual([
      {
        title: 'Repository',
        icon: 'github',
        url: 'https://github.com/acme-data/order-returns.git',
      },
      {
        title: 'Open the data product',
        icon: 'catalog',
        entityRef: 'dataproduct:default/order-returns',
      },
    ]);
    // Local publishing is for the example portal only.
    expect(dir.content({ path: 'published' })).toBeUndefined();
    expect(portal.catalog.refreshEntity).not.toHaveBeenCalled();
  });

  it('creates no repository when the governance check fails', async () => {
    const repositoriesBefore = portal.github.inputs.length;
    const { task, events } = await runTask(
      portal,
      'source-aligned-data-product',
      FINANCE_VALUES_BREAKING_POLICIES,
    );

    expect(task.status).toBe('failed');
    expect(stepsRun(events)).toEqual(['product', 'skeleton', 'governance']);
    expect(portal.github.inputs).toHaveLength(repositoriesBefore);
    expect(dir.content({ path: 'github/acme-data/refund-ledger' })).toBe(
      undefined,
    );
  });
});
