import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  RuleSeverity,
  Violation,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { formatDateTime } from '@datamesh-backstage/plugin-data-mesh-react';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';

const SEVERITY_RANK: Record<RuleSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** Scored violations first, worst severity first, then by rule id. */
export function sortViolations(violations: Violation[]): Violation[] {
  return [...violations].sort(
    (a, b) =>
      Number(a.waived) - Number(b.waived) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

function WaiverCell(props: { violation: Violation }) {
  const { violation } = props;
  if (!violation.waived) {
    return <>No</>;
  }
  const waiver = violation.waiver;
  return (
    <>
      <strong>Waived</strong>
      {waiver && (
        <Typography variant="caption" display="block">
          until {formatDateTime(waiver.expiresAt)} ({waiver.source}):{' '}
          {waiver.reason}
        </Typography>
      )}
    </>
  );
}

/** A product's violations with their remediation; waived ones are marked. */
export function ViolationsTable(props: { violations: Violation[] }) {
  return (
    <Table size="small" aria-label="Violations">
      <ColumnHeaders
        columns={['Rule', 'Severity', 'Problem', 'Remediation', 'Waiver']}
      />
      <TableBody>
        {sortViolations(props.violations).map(violation => (
          <TableRow
            key={`${violation.ruleId}-${violation.path}`}
            style={violation.waived ? { opacity: 0.7 } : undefined}
          >
            <RowHeader>
              <code>{violation.ruleId}</code>
            </RowHeader>
            <TableCell>{violation.severity}</TableCell>
            <TableCell>
              {violation.message}
              {violation.path && (
                <Typography variant="caption" display="block">
                  <code>{violation.path}</code>
                </Typography>
              )}
            </TableCell>
            <TableCell>{violation.remediation}</TableCell>
            <TableCell>
              <WaiverCell violation={violation} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
