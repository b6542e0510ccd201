import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ScorecardHistoryEntry } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  AsyncContent,
  ScoreTrend,
  ScorecardStatusLabel,
  formatDateTime,
  useScorecardHistory,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';
import { DataProductCard } from '../product/DataProductCard';
import { dataMeshTranslationRef } from '../../translation';
import { historyPoints } from './historyPoints';

function HistoryTable(props: { entries: ScorecardHistoryEntry[] }) {
  const newestFirst = [...props.entries].sort((a, b) =>
    b.recordedAt.localeCompare(a.recordedAt),
  );
  return (
    <Table size="small" aria-label="Changes of the governance result">
      <ColumnHeaders
        columns={[
          'When',
          'Score',
          'Status',
          'Errors',
          'Warnings',
          'Rules violated',
          'Policy',
          'Why',
        ]}
      />
      <TableBody>
        {newestFirst.map(entry => (
          <TableRow key={entry.recordedAt}>
            <RowHeader>{formatDateTime(entry.recordedAt)}</RowHeader>
            <TableCell>{entry.score}</TableCell>
            <TableCell>
              <ScorecardStatusLabel status={entry.status} />
            </TableCell>
            <TableCell>{entry.errorCount}</TableCell>
            <TableCell>{entry.warningCount}</TableCell>
            <TableCell>{entry.ruleIds.join(', ')}</TableCell>
            <TableCell>{entry.policyVersion}</TableCell>
            <TableCell>
              {entry.notes?.map(note => (
                <Typography key={note} variant="caption" display="block">
                  {note}
                </Typography>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function HistoryContent(props: { entityRef: string }) {
  const history = useScorecardHistory(props.entityRef);
  return (
    <AsyncContent
      {...history}
      loadingLabel="Loading the score history"
      isEmpty={entries => entries.length === 0}
      emptyTitle="No history yet"
      emptyDescription="Every change of the product's governance result is recorded here."
    >
      {entries => (
        <>
          <ScoreTrend
            title="Governance score over time"
            points={historyPoints(entries)}
          />
          <HistoryTable entries={entries} />
        </>
      )}
    </AsyncContent>
  );
}

/**
 * Every change of the product's governance result, as a chart and a table
 * saying why where known (a waiver approved, expired or revoked).
 */
export function ScoreHistoryCard() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.scoreHistory.title')}>
      {({ entityRef }) => <HistoryContent entityRef={entityRef} />}
    </DataProductCard>
  );
}
