import { ANNOTATION_LOSS_REPORT } from '@datamesh-backstage/plugin-data-mesh-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { captureDownloads } from '../../__testUtils__/captureDownloads';
import {
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import JSZip from 'jszip';
import { StandardsCard } from './StandardsCard';

const mesh = setupDataMeshServer();
const EXPORT = '/products/default/customer-360/export';

/** customer-360 as the catalog stores it when read from an ODPS file. */
function importedFromOdps(lossReport: unknown[]) {
  const entity = customer360();
  entity.metadata.annotations = {
    'datamesh.io/source-format': 'odps',
    'datamesh.io/source-version': 'v1.0.0',
    [ANNOTATION_LOSS_REPORT]: JSON.stringify(lossReport),
  };
  return entity;
}

const lostFields = [
  {
    file: 'customer-360.odps.yaml',
    path: 'outputPorts[0].sbom',
    reason: 'no equivalent in DataProduct',
  },
  {
    file: 'contracts/table.odcs.yaml',
    path: 'price.priceAmount',
    reason: 'no equivalent in DataProduct',
  },
];

const rows = (table: string) =>
  within(screen.getByRole('table', { name: table }))
    .getAllByRole('row')
    .slice(1)
    .map(row => row.textContent);

describe('StandardsCard', () => {
  it('shows the standard an imported product came from and every lost field with its reason', async () => {
    await renderEntityCard(<StandardsCard />, {
      entity: importedFromOdps(lostFields),
      apis: [mesh.api],
    });
    expect(
      await screen.findByText(
        /Imported from Open Data Product Standard \(ODPS\) v1\.0\.0/,
      ),
    ).toBeInTheDocument();
    expect(rows('Loss report of the import')).toEqual([
      'outputPorts[0].sbomcustomer-360.odps.yamlno equivalent in DataProduct',
      'price.priceAmountcontracts/table.odcs.yamlno equivalent in DataProduct',
    ]);
  });

  it('says when nothing was lost, and when a product was not imported', async () => {
    const { unmount } = await renderEntityCard(<StandardsCard />, {
      entity: importedFromOdps([]),
      apis: [mesh.api],
    });
    expect(
      await screen.findByText(
        'Every field of the source has its place in this product.',
      ),
    ).toBeInTheDocument();
    unmount();
    await renderEntityCard(<StandardsCard />, {
      entity: customer360(),
      apis: [mesh.api],
    });
    expect(
      await screen.findByText(/Written as a DataProduct/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('exports as ODPS + ODCS: downloads the files in one zip and lists what the standard cannot hold', async () => {
    const files = captureDownloads();
    const queries = mesh.get(EXPORT, {
      files: [
        { path: 'customer-360.odps.yaml', content: 'kind: DataProduct\n' },
        {
          path: 'contracts/customer-360-table.odcs.yaml',
          content: 'kind: DataContract\n',
        },
      ],
      lossReport: [
        {
          file: 'catalog-info.yaml',
          path: 'spec.type',
          reason: 'ODPS has no product type',
        },
      ],
    });
    await renderEntityCard(<StandardsCard />, {
      entity: customer360(),
      apis: [mesh.api],
    });
    fireEvent.click(
      await screen.findByRole('button', { name: /Export ODPS \+ ODCS/ }),
    );
    expect(
      await screen.findByText(
        'Downloaded customer-360-odps.zip: customer-360.odps.yaml, contracts/customer-360-table.odcs.yaml',
      ),
    ).toBeInTheDocument();
    expect(queries.map(q => q.get('format'))).toEqual(['odps']);
    // One archive, with the files at their paths.
    expect(files.map(f => f.name)).toEqual(['customer-360-odps.zip']);
    const zip = await JSZip.loadAsync(await files[0].blob.arrayBuffer());
    expect(Object.keys(zip.files).filter(p => !zip.files[p].dir)).toEqual([
      'customer-360.odps.yaml',
      'contracts/customer-360-table.odcs.yaml',
    ]);
    expect(
      await zip.file('contracts/customer-360-table.odcs.yaml')!.async('string'),
    ).toBe('kind: DataContract\n');
    expect(rows('What ODPS and ODCS cannot hold')).toEqual([
      'spec.typecatalog-info.yamlODPS has no product type',
    ]);
  });

  it('exports as DPDS, and shows the error when the export fails', async () => {
    const files = captureDownloads();
    const queries = mesh.get(EXPORT, errorBody('catalog down'), 503);
    await renderEntityCard(<StandardsCard />, {
      entity: customer360(),
      apis: [mesh.api],
    });
    fireEvent.click(await screen.findByRole('button', { name: /Export DPDS/ }));
    expect(await screen.findByText(/catalog down/)).toBeInTheDocument();
    expect(queries.map(q => q.get('format'))).toEqual(['dpds']);
    expect(files).toEqual([]);
  });
});
