import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  PolicyRuleDescription,
  ScorecardSummary,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';
import { upcomingRuleWhen } from '../governance/UpcomingRules';

/**
 * The rules of a domain that are not scored yet (draft, grace) or any more
 * (deprecated), with the listed products that fail each.
 */
export function DomainUpcomingRules(props: {
  rules: PolicyRuleDescription[];
  products: ScorecardSummary[];
}) {
  const { rules, products } = props;
  if (rules.length === 0) {
    return (
      <Typography variant="body2">
        None: every rule that applies in this domain is scored.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Upcoming rules">
      <ColumnHeaders
        columns={['Rule', 'When', `Failing, of the ${products.length} listed`]}
      />
      <TableBody>
        {rules.map(rule => {
          const failing = products.filter(p =>
            p.upcomingFailing?.includes(rule.id),
          );
          return (
            <TableRow key={`${rule.id} ${rule.scope}`}>
              <RowHeader caption={rule.id}>{rule.title}</RowHeader>
              <TableCell>{upcomingRuleWhen(rule)}</TableCell>
              <TableCell>
                {failing.length === 0
                  ? 'None'
                  : `${failing.length}: ${failing
                      .map(p => parseEntityRef(p.entityRef).name)
                      .join(', ')}`}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
