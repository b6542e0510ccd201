import { dpdsProduct, file, odpsProduct } from '../__testUtils__/fixtures';
import { detectStandardFile, referencedPaths } from './standardFiles';

describe('detectStandardFile', () => {
  it('detects the standard of a file from its text, whatever its name', () => {
    const [odps] = odpsProduct();
    expect(
      detectStandardFile({ path: 'catalog.yaml', content: odps.content }),
    ).toEqual({
      format: 'odps',
      version: 'v1.0.0',
    });
    expect(detectStandardFile(dpdsProduct()[0])).toEqual({
      format: 'dpds',
      version: '1.0.0',
    });
  });

  it('answers undefined for other files and for text that is not YAML', () => {
    expect(
      detectStandardFile(
        file('c.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Component\n'),
      ),
    ).toBeUndefined();
    expect(detectStandardFile(file('c.yaml', 'a: [1\n'))).toBeUndefined();
  });
});

describe('referencedPaths', () => {
  it('lists the files a DPDS descriptor points to, relative to its directory', () => {
    expect(
      referencedPaths({
        ...dpdsProduct()[0],
        path: 'products/orders/orders.dpds.json',
      }),
    ).toEqual([
      'products/orders/ports/orders-table.yaml',
      'products/apis/orders-events.asyncapi.yaml',
    ]);
  });

  it('leaves out internal references and URLs', () => {
    const content = JSON.stringify({
      dataProductDescriptor: '1.0.0',
      a: { $ref: '#/components/x' },
      b: { $ref: 'https://example.com/port.yaml' },
      c: [{ $ref: './ports/p.yaml#/port' }],
    });
    expect(referencedPaths(file('d.json', content))).toEqual(['ports/p.yaml']);
  });
});
