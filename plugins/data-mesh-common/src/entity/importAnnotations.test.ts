import {
  ANNOTATION_LOSS_REPORT,
  ANNOTATION_SOURCE_FORMAT,
  ANNOTATION_SOURCE_VERSION,
  getProductImportRecord,
} from './importAnnotations';

const entity = (annotations?: Record<string, string>) => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'p', annotations },
});

describe('getProductImportRecord', () => {
  it('reads the source standard, version and loss report', () => {
    const lossReport = [
      { file: 'p.odps.yaml', path: 'outputPorts[0].sbom', reason: 'x' },
    ];
    expect(
      getProductImportRecord(
        entity({
          [ANNOTATION_SOURCE_FORMAT]: 'odps',
          [ANNOTATION_SOURCE_VERSION]: 'v1.0.0',
          [ANNOTATION_LOSS_REPORT]: JSON.stringify(lossReport),
        }),
      ),
    ).toEqual({ format: 'odps', version: 'v1.0.0', lossReport });
  });

  it('is undefined for products not imported from a standard', () => {
    expect(getProductImportRecord(entity())).toBeUndefined();
    expect(
      getProductImportRecord(entity({ [ANNOTATION_SOURCE_FORMAT]: 'csv' })),
    ).toBeUndefined();
  });

  it('says so when the loss report cannot be read, rather than showing none', () => {
    for (const broken of ['{', '{"a":1}', '[{"file":"a"}]']) {
      const record = getProductImportRecord(
        entity({
          [ANNOTATION_SOURCE_FORMAT]: 'dcs',
          [ANNOTATION_LOSS_REPORT]: broken,
        }),
      );
      expect(record?.lossReport).toEqual([
        expect.objectContaining({
          path: `metadata.annotations.${ANNOTATION_LOSS_REPORT}`,
          reason: expect.stringContaining('The loss report cannot be read'),
        }),
      ]);
    }
  });
});
