import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import type {
  RuleSeverity,
  UpcomingRule,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { formatDateTime } from '@datamesh-backstage/plugin-data-mesh-react';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';

/** When a rule not scored yet (or any more) counts, in words. */
export function upcomingRuleWhen(rule: {
  state?: string;
  enforcedFrom?: string;
  replacedBy?: string;
}): string {
  switch (rule.state) {
    case 'draft':
      return 'Draft: not scored, no date set';
    case 'grace':
      return `Scored from ${
        rule.enforcedFrom ? formatDateTime(rule.enforcedFrom) : 'a date to set'
      }`;
    case 'deprecated':
      return `Deprecated: replaced by ${rule.replacedBy ?? 'another rule'}`;
    default:
      return 'Scored';
  }
}

const SEVERITIES: Record<RuleSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

/**
 * The rules that apply to a product without being scored (draft, in grace
 * until their date, deprecated), and how the product fares against each.
 */
export function UpcomingRules(props: { rules: UpcomingRule[] }) {
  return (
    <Table size="small" aria-label="Upcoming rules">
      <ColumnHeaders columns={['Rule', 'Severity', 'When', 'This product']} />
      <TableBody>
        {props.rules.map(rule => (
          <TableRow key={rule.ruleId}>
            <RowHeader caption={rule.ruleId}>{rule.title}</RowHeader>
            <TableCell>{SEVERITIES[rule.severity] ?? rule.severity}</TableCell>
            <TableCell>{upcomingRuleWhen(rule)}</TableCell>
            <TableCell>
              {rule.passes
                ? 'Passes'
                : `Fails: ${rule.violations
                    .filter(v => !v.waived)
                    .map(v => v.message)
                    .join('; ')}`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
