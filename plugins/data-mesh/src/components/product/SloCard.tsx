import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  DataProductEntityV1alpha1,
  SLO_OBJECTIVES,
  SloObjectiveStatus,
  SloStatusResponse,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  formatDateTime,
  useSloStatus,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';
import { DataProductCard } from './DataProductCard';
import { dataMeshTranslationRef } from '../../translation';
import { MetLabel, formatPercent } from './SloStatusCell';
import { QualityTestsSummary } from './QualityTestsSummary';

interface SloRow {
  objective: string;
  target: string;
  measurement?: string;
  status?: SloObjectiveStatus;
}

function sloRows(
  entity: DataProductEntityV1alpha1,
  status: SloStatusResponse | undefined,
): SloRow[] {
  const declared = entity.spec.slo ?? {};
  return SLO_OBJECTIVES.flatMap(objective => {
    const spec = declared[objective];
    const measured = status?.objectives.find(o => o.objective === objective);
    if (!spec && !measured) {
      return [];
    }
    return [
      {
        objective,
        target: measured?.target ?? String(spec?.target ?? ''),
        measurement: spec?.measurement,
        status: measured,
      },
    ];
  });
}

function SloTable(props: { rows: SloRow[] }) {
  return (
    <Table size="small" aria-label="Service level objectives">
      <ColumnHeaders
        columns={[
          'Objective',
          'Target',
          'Compliance',
          'Error budget left',
          'Status',
        ]}
      />
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.objective}>
            <RowHeader caption={row.measurement}>{row.objective}</RowHeader>
            <TableCell style={{ whiteSpace: 'nowrap' }}>{row.target}</TableCell>
            <TableCell
              title={
                row.status?.lastObservedAt &&
                `Last observed ${formatDateTime(row.status.lastObservedAt)}`
              }
            >
              {formatPercent(row.status?.compliance)}
              <Typography variant="caption" display="block">
                {row.status &&
                  `required ${formatPercent(row.status.required)}, `}
                {row.status?.measurements ?? 0} measurements
              </Typography>
            </TableCell>
            <TableCell>
              {formatPercent(row.status?.errorBudgetRemaining)}
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              <MetLabel met={row.status?.met} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function SloContent(props: {
  entity: DataProductEntityV1alpha1;
  entityRef: string;
}) {
  const { loading, error, value } = useSloStatus(props.entityRef);
  const rows = sloRows(props.entity, value);
  const declaredTests = props.entity.spec.quality?.tests?.length ?? 0;
  const { t } = useTranslationRef(dataMeshTranslationRef);
  if (loading && !value) {
    return <Progress />;
  }
  if (rows.length === 0 && declaredTests === 0 && !error) {
    return (
      <EmptyState
        missing="field"
        title={t('cards.slo.emptyTitle')}
        description="Declare freshness, availability, completeness and accuracy targets under spec.slo."
      />
    );
  }
  return (
    <>
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <Typography variant="body2" paragraph>
          Over the last {value.window.days} days:{' '}
          <MetLabel
            met={value.compliant}
            metText="every measured objective met"
            missedText="objectives missed"
          />
        </Typography>
      )}
      {rows.length > 0 && <SloTable rows={rows} />}
      <QualityTestsSummary
        declared={declaredTests}
        results={value?.qualityTests}
      />
    </>
  );
}

/**
 * The product's SLOs: each declared target with its measured compliance over
 * the rolling window, the error budget left, and the latest quality tests.
 */
export function SloCard() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.slo.title')}>
      {product => <SloContent {...product} />}
    </DataProductCard>
  );
}
