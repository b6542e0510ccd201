import { ResponseError } from '@backstage/errors';
import { clientWithResponses as setup } from '../__fixtures__/clientWithResponses';

describe('DataMeshClient and the open standards', () => {
  it('posts the files of a product to /import and returns the conversion', async () => {
    const converted = {
      format: 'odps',
      version: 'v1.0.0',
      entity: { apiVersion: 'datamesh.io/v1alpha1', kind: 'DataProduct' },
      contracts: [],
      lossReport: [{ file: 'p.yaml', path: 'tags', reason: 'no equivalent' }],
      missing: [],
    };
    const { client, calls } = setup([{ status: 200, body: converted }]);
    const files = [{ path: 'p.yaml', content: 'kind: DataProduct' }];
    await expect(client.importProduct(files)).resolves.toEqual(converted);
    expect(calls[0].url).toBe('http://backend/api/data-mesh/import');
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ files });
  });

  it('throws the server message naming the file and position on 400', async () => {
    const { client } = setup([
      {
        status: 400,
        body: {
          error: { name: 'InputError', message: 'p.yaml:3:1: bad indentation' },
          response: { statusCode: 400 },
        },
      },
    ]);
    const error = await client
      .importProduct([{ path: 'p.yaml', content: 'a:\n b\nc' }])
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toBe('p.yaml:3:1: bad indentation');
  });

  it('exports a product by ref in a format, and answers undefined on 404', async () => {
    const exported = { files: [{ path: 'a.odps.yaml', content: 'x' }] };
    const { client, calls } = setup([
      { status: 200, body: { ...exported, lossReport: [] } },
      { status: 404, body: { error: { name: 'NotFoundError', message: '' } } },
    ]);
    await expect(
      client.exportProduct('dataproduct:default/a', 'odps'),
    ).resolves.toEqual({ ...exported, lossReport: [] });
    await expect(
      client.exportProduct('retail/b', 'dpds'),
    ).resolves.toBeUndefined();
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/data-mesh/products/default/a/export?format=odps',
      'http://backend/api/data-mesh/products/retail/b/export?format=dpds',
    ]);
  });
});
