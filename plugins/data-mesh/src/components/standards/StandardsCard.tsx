import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  getProductImportRecord,
  StandardFormatName,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { DataProductCard } from '../product/DataProductCard';
import { dataMeshTranslationRef } from '../../translation';
import { ExportButtons } from './ExportButtons';
import { LossReportTable } from './LossReportTable';

/** The standards by their usual names. */
const STANDARD_NAMES: Record<StandardFormatName, string> = {
  odps: 'Open Data Product Standard (ODPS)',
  odcs: 'Open Data Contract Standard (ODCS)',
  dpds: 'Data Product Descriptor Specification (DPDS)',
  dcs: 'Data Contract Specification',
};

/**
 * A product and the open standards: for a product the catalog imported from
 * an ODPS, ODCS, DPDS or Data Contract Specification file, the standard,
 * its version and the loss report (each source field that has no place in
 * the product, with why); for every product, export buttons.
 */
export function StandardsCard() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.standards.title')}>
      {({ entity, entityRef }) => {
        const imported = getProductImportRecord(entity);
        return (
          <>
            {imported ? (
              <Box mb={2}>
                <Typography variant="body2" paragraph>
                  {t('cards.standards.importedFrom', {
                    standard: STANDARD_NAMES[imported.format],
                    version: imported.version,
                  })}
                </Typography>
                {imported.lossReport.length > 0 ? (
                  <LossReportTable
                    label={t('cards.standards.lossReport')}
                    entries={imported.lossReport}
                  />
                ) : (
                  <Typography variant="body2">
                    {t('cards.standards.lossless')}
                  </Typography>
                )}
              </Box>
            ) : (
              <Typography variant="body2" paragraph>
                {t('cards.standards.notImported')}
              </Typography>
            )}
            <ExportButtons entityRef={entityRef} name={entity.metadata.name} />
          </>
        );
      }}
    </DataProductCard>
  );
}
