import { createMockDirectory } from '@backstage/backend-test-utils';
import { validateDataProductEntity } from '@datamesh-backstage/plugin-data-mesh-common';
import { parse } from 'yaml';
import {
  loadTemplate,
  publishingOf,
  startPortal,
  TEMPLATES,
  templateDirectoryContents,
} from './__testUtils__/portal';
import {
  FINANCE_VALUES_BREAKING_POLICIES,
  TEMPLATE_VALUES,
  TRICKY_DESCRIPTION,
} from './__testUtils__/templateValues';

/** The skeleton's files, whatever the template. */
const SKELETON_FILES = [
  '.github/workflows/data-product.yaml',
  'README.md',
  'dbt_project.yml',
  'docs/index.md',
  'mkdocs.yml',
  'scripts/governance-check.sh',
];

describe('the self-serve templates, dry-run through the scaffolder API', () => {
  const dir = createMockDirectory();
  let portal: Awaited<ReturnType<typeof startPortal>>;

  beforeAll(async () => {
    portal = await startPortal({ publishDir: dir.resolve('published') });
  });
  afterAll(() => portal.stop());

  const dryRun = (name: string, values: Record<string, unknown>) =>
    portal.api.post('/api/scaffolder/v2/dry-run').send({
      template: loadTemplate(name),
      values,
      directoryContents: templateDirectoryContents(),
    });

  it.each(TEMPLATES)(
    '%s writes the product, contracts, docs, pipeline and CI, and passes governance',
    async template => {
      const values = TEMPLATE_VALUES[template];
      const response = await dryRun(template, values);
      expect(response.status).toBe(200);

      const files: Record<string, string> = Object.fromEntries(
        response.body.directoryContents.map((f: any) => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ]),
      );
      const ports = values.outputPorts as Array<{ name: string }>;
      const model = String(values.name).replace(/-/g, '_');
      expect(Object.keys(files).sort()).toEqual(
        [
          ...SKELETON_FILES,
          'catalog-info.yaml',
          ...ports.map(p => `contracts/${p.name}.odcs.yaml`),
          `models/${model}.sql`,
          `models/${model}.yml`,
        ].sort(),
      );

      const entity = parse(files['catalog-info.yaml']);
      expect(validateDataProductEntity(entity).valid).toBe(true);
      expect(entity.metadata.name).toBe(values.name);
      expect(entity.metadata.description).toBe(values.description);
      expect(entity.spec.type).toBe(template.replace('-data-product', ''));
      expect(entity.spec.lineage.upstreamProducts).toEqual(
        values.upstreamProducts,
      );
      // In a dry run the scaffolder names the template "dry-run".
      expect(entity.metadata.annotations).toMatchObject({
        'datamesh.io/template': 'template:default/dry-run',
        'datamesh.io/requested-at': expect.stringMatching(
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
        ),
      });
      for (const port of ports) {
        const contract = parse(files[`contracts/${port.name}.odcs.yaml`]);
        expect(contract).toMatchObject({
          kind: 'DataContract',
          name: port.name,
          dataProduct: values.name,
        });
      }

      // The pipeline stub reads the upstream products (dbt syntax kept as is).
      const sql = files[`models/${model}.sql`];
      const upstream = (values.upstreamProducts as string[]) ?? [];
      const reads = upstream.length
        ? upstream.map(
            ref =>
              `select * from {{ ref('${ref
                .split('/')[1]
                .replace(/-/g, '_')}') }}`,
          )
        : [`from {{ source('${model}', 'raw') }}`];
      for (const read of reads) {
        expect(sql).toContain(read);
      }
      expect(files['.github/workflows/data-product.yaml']).toContain(
        'BACKSTAGE_TOKEN: ${{ secrets.BACKSTAGE_TOKEN }}',
      );
      expect(files['mkdocs.yml']).toBe(
        `site_name: ${values.name}\nnav:\n  - Overview: index.md\nplugins:\n  - techdocs-core\n`,
      );
      expect(files['docs/index.md']).toContain(`# ${values.title}\n`);

      const governance = response.body.output.text[0].content;
      expect(governance).toMatch(
        /^Governance score \*\*(100|9\d)\*\* \((pass|warn)\)/,
      );
      expect(response.body.output.links).toEqual([
        {
          title: 'Open the data product',
          icon: 'catalog',
          entityRef: `dataproduct:default/${values.name}`,
        },
      ]);
      const messages = response.body.log.map((l: any) => l.body.message);
      expect(messages).toContainEqual(
        expect.stringContaining(
          `Dry run: would publish ${
            Object.keys(files).length
          } files to ${dir.resolve(`published/${values.name}`)}`,
        ),
      );
      expect(dir.content()).toEqual({});
    },
  );

  it('keeps ${{ }} and {{ }} in the form text literal in every file', async () => {
    const response = await dryRun(
      'source-aligned-data-product',
      TEMPLATE_VALUES['source-aligned-data-product'],
    );
    const file = (path: string) =>
      Buffer.from(
        response.body.directoryContents.find((f: any) => f.path === path)
          .base64Content,
        'base64',
      ).toString('utf8');
    expect(file('docs/index.md')).toContain(`\n${TRICKY_DESCRIPTION}\n`);
    expect(parse(file('catalog-info.yaml')).metadata.description).toBe(
      TRICKY_DESCRIPTION,
    );
    expect(
      parse(file('contracts/returns-table.odcs.yaml')).description.purpose,
    ).toBe(TRICKY_DESCRIPTION);
  });

  it('fails before publishing when the input breaks error-severity policies, naming the rules', async () => {
    const response = await dryRun(
      'source-aligned-data-product',
      FINANCE_VALUES_BREAKING_POLICIES,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toMatch(
      /^dataproduct:default\/refund-ledger breaks 2 governance rule\(s\) of severity error; nothing was published:\n/,
    );
    expect(response.body.error.message).toContain(
      "- FIN-001 spec.access.classification: Finance products are classified confidential or restricted, not 'internal'",
    );
    expect(response.body.error.message).toContain(
      '- SLO-001 spec.slo.availability.target: Availability SLO (98%) below recommended 99%',
    );
    expect(dir.content()).toEqual({});
  });

  it.each([
    ['Order Returns', 'does not match pattern'],
    ['-returns', 'does not match pattern'],
  ])('refuses the name %j in the form', async (name, message) => {
    const response = await dryRun('source-aligned-data-product', {
      ...TEMPLATE_VALUES['source-aligned-data-product'],
      name,
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toContain(message);
  });
});

describe('the self-serve templates, dry-run in a portal with a git host (app-config.production.yaml)', () => {
  const dir = createMockDirectory();
  let portal: Awaited<ReturnType<typeof startPortal>>;

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

  it.each(TEMPLATES)(
    '%s names the GitHub repository it would create, and creates nothing',
    async template => {
      const values = TEMPLATE_VALUES[template];
      const response = await portal.api
        .post('/api/scaffolder/v2/dry-run')
        .send({
          template: loadTemplate(template),
          values,
          directoryContents: templateDirectoryContents(),
        });
      expect(response.status).toBe(200);

      const messages: string[] = response.body.log.map(
        (l: any) => l.body.message,
      );
      /** The inputs a step would have run its action with, as logged. */
      const inputsOf = (action: string) => {
        const logged = `Running ${action} in dry-run mode with inputs (secrets redacted): `;
        const message = messages.find(m => m.includes(logged));
        return message && JSON.parse(message.split(logged)[1]);
      };
      expect(inputsOf('datamesh:publish:local')).toBeUndefined();
      expect(inputsOf('publish:github')).toEqual({
        repoUrl: `github.com?owner=acme-data&repo=${values.name}`,
        description: values.title,
        defaultBranch: 'main',
        repoVisibility: 'private',
        gitCommitMessage: `Create the data product ${values.name}`,
        topics: [
          'data-mesh',
          'data-product',
          template.replace('-data-product', ''),
        ],
      });
      expect(inputsOf('catalog:register')).toEqual({
        repoContentsUrl: expect.any(String),
        catalogInfoPath: '/catalog-info.yaml',
      });
      expect(portal.github.inputs).toEqual([]);
      expect(portal.catalog.addLocation).not.toHaveBeenCalled();
      expect(dir.content()).toEqual({});
    },
  );
});
