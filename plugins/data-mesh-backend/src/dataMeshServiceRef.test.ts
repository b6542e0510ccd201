import {
  BackstageCredentials,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DataMeshService,
  dataMeshServiceRef,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { createSyntheticProduct } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import { startDataMesh } from './__testUtils__/startDataMesh';

/** A backend plugin that uses the data-mesh service, as another plugin would. */
function consumerPlugin(pluginId: string) {
  const used: { dataMesh?: DataMeshService; own?: BackstageCredentials } = {};
  const plugin = createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { dataMesh: dataMeshServiceRef, auth: coreServices.auth },
        async init({ dataMesh, auth }) {
          used.dataMesh = dataMesh;
          used.own = await auth.getOwnServiceCredentials();
        },
      });
    },
  });
  return { plugin, used };
}

const subjectOf = ({ principal }: BackstageCredentials<any>) =>
  principal.type === 'user' ? principal.userEntityRef : principal.subject;

describe('dataMeshServiceRef', () => {
  const pipelines = consumerPlugin('pipelines');
  const reports = consumerPlugin('reports');
  /** Who the data-mesh plugin authorised, in order: the token's subjects. */
  const authorised: string[] = [];
  const alice = mockCredentials.user('user:default/alice');
  const mallory = mockCredentials.user('user:default/mallory');

  beforeAll(async () => {
    await startDataMesh({
      config: {
        dataMesh: { provenance: { trustedServices: ['plugin:pipelines'] } },
      },
      features: [
        pipelines.plugin,
        reports.plugin,
        // Mallory may not post measurements; everything else is allowed.
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => ({
            async authorize(requests: any[], { credentials }: any) {
              authorised.push(subjectOf(credentials));
              const result =
                subjectOf(credentials) === 'user:default/mallory'
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW;
              return requests.map(() => ({ result }));
            },
            async authorizeConditional(requests: any[]) {
              return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
            },
          }),
        }),
      ],
    });
  });

  beforeEach(() => {
    authorised.length = 0;
  });

  it("reads and evaluates with the caller's credentials", async () => {
    const dataMesh = pipelines.used.dataMesh!;
    const options = { credentials: alice };
    const card = await dataMesh.getScorecard('product-3', options);
    expect(card).toMatchObject({
      entityRef: 'dataproduct:default/product-3',
      score: expect.any(Number),
    });
    const page = await dataMesh.listScorecards({ limit: 5 }, options);
    expect(page.items).toHaveLength(5);
    const history = await dataMesh.getScorecardHistory(
      'dataproduct:default/product-3',
      undefined,
      options,
    );
    expect(history[0]).toMatchObject({ score: card!.score });
    const evaluated = await dataMesh.evaluate(
      createSyntheticProduct(3),
      options,
    );
    expect(evaluated.score).toBe(card!.score);
    expect(await dataMesh.getScorecard('no-such-product', options)).toBe(
      undefined,
    );
  });

  it("posts measurements on the user's behalf: the user is who the route authorises", async () => {
    const dataMesh = pipelines.used.dataMesh!;
    const measurement = {
      kind: 'availability' as const,
      observedAt: new Date().toISOString(),
      up: true,
    };
    await expect(
      dataMesh.postMeasurements('product-3', [measurement], {
        credentials: alice,
      }),
    ).resolves.toEqual({
      accepted: 1,
      products: ['dataproduct:default/product-3'],
    });
    const refused = dataMesh.postMeasurements('product-3', [measurement], {
      credentials: mallory,
    });
    await expect(refused).rejects.toBeInstanceOf(ResponseError);
    await expect(refused).rejects.toMatchObject({ statusCode: 403 });
    expect(authorised).toEqual(['user:default/alice', 'user:default/mallory']);
  });

  it('records provenance as the calling plugin, with its own credentials', async () => {
    // Requested before the product was first seen, as a template run is.
    const record = {
      templateRef: 'template:default/source-aligned-data-product',
      requestedAt: new Date(Date.now() - 3_600_000).toISOString(),
    };
    const recorded = await pipelines.used.dataMesh!.recordProvenance(
      'product-5',
      record,
      { credentials: pipelines.used.own! },
    );
    expect(recorded).toMatchObject({
      entityRef: 'dataproduct:default/product-5',
      recordedBy: 'plugin:pipelines',
    });
    // Another plugin is not a trusted service, and a user is never one.
    await expect(
      reports.used.dataMesh!.recordProvenance('product-6', record, {
        credentials: reports.used.own!,
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      pipelines.used.dataMesh!.recordProvenance('product-6', record, {
        credentials: alice,
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
  });
});
