import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import type {
  ExportFormatName,
  ProductExportResponse,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { dataMeshApiRef } from '@datamesh-backstage/plugin-data-mesh-react';
import { useState } from 'react';
import { dataMeshTranslationRef } from '../../translation';
import { downloadZip, exportFileName } from './downloadFiles';
import { LossReportTable } from './LossReportTable';

type ExportState =
  | { status: 'idle' }
  | { status: 'exporting'; format: ExportFormatName }
  | {
      status: 'done';
      format: ExportFormatName;
      result: ProductExportResponse;
    }
  | { status: 'failed'; error: Error };

const FORMATS: ExportFormatName[] = ['odps', 'dpds'];

/**
 * Export buttons: the product as ODPS with one ODCS contract per output
 * port, or as a DPDS descriptor with the same contracts. The files download
 * as one zip archive; what the standard cannot hold is listed below.
 */
export function ExportButtons(props: { entityRef: string; name: string }) {
  const api = useApi(dataMeshApiRef);
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  const exportAs = async (format: ExportFormatName) => {
    setState({ status: 'exporting', format });
    try {
      const result = await api.exportProduct(props.entityRef, format);
      if (!result) {
        throw new Error(t('cards.standards.exportNotFound'));
      }
      await downloadZip(exportFileName(props.name, format), result.files);
      setState({ status: 'done', format, result });
    } catch (error) {
      setState({ status: 'failed', error: error as Error });
    }
  };

  return (
    <>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {FORMATS.map(format => (
          <Button
            key={format}
            variant="outlined"
            startIcon={<GetAppIcon />}
            disabled={state.status === 'exporting'}
            onClick={() => exportAs(format)}
          >
            {t(`cards.standards.export.${format}`)}
          </Button>
        ))}
      </Box>
      {state.status === 'failed' && <ResponseErrorPanel error={state.error} />}
      {state.status === 'done' && (
        <Box mt={2} role="status">
          <Typography variant="body2">
            {t('cards.standards.downloaded', {
              archive: exportFileName(props.name, state.format),
              files: state.result.files.map(f => f.path).join(', '),
            })}
          </Typography>
          {state.result.lossReport.length > 0 ? (
            <LossReportTable
              label={t(`cards.standards.exportLoss.${state.format}`)}
              entries={state.result.lossReport}
            />
          ) : (
            <Typography variant="body2">
              {t('cards.standards.exportLossless')}
            </Typography>
          )}
        </Box>
      )}
    </>
  );
}
