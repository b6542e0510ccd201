import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import scaffolderModuleDataMesh from './index';

describe('scaffolderModuleDataMesh', () => {
  it('adds the self-serve actions to the scaffolder, with schemas and examples', async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleDataMesh,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    try {
      const response = await request(backend.server).get(
        '/api/scaffolder/v2/actions',
      );
      expect(response.status).toBe(200);
      const actions = Object.fromEntries(
        response.body.map((a: any) => [a.id, a]),
      );
      for (const id of [
        'datamesh:product:create',
        'datamesh:governance:check',
        'datamesh:publish:local',
        'datamesh:provenance:record',
      ]) {
        expect(actions[id]).toMatchObject({
          description: expect.any(String),
          examples: expect.arrayContaining([
            { description: expect.any(String), example: expect.any(String) },
          ]),
          schema: {
            input: { type: 'object', properties: expect.any(Object) },
            output: { type: 'object', properties: expect.any(Object) },
          },
        });
      }
      expect(
        Object.keys(actions['datamesh:product:create'].schema.input.properties),
      ).toEqual(
        expect.arrayContaining(['name', 'outputPorts', 'schema', 'access']),
      );
      expect(
        actions['datamesh:governance:check'].schema.output.properties,
      ).toEqual({
        score: expect.any(Object),
        status: expect.any(Object),
        violations: expect.any(Object),
        breakingChanges: expect.any(Object),
      });
    } finally {
      await backend.stop();
    }
  });
});
