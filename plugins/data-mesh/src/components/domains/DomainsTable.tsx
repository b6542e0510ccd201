import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  DomainRollup,
  NO_DOMAIN,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  ScoreTrend,
  formatScore,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { domainRouteRef } from '../../routes';
import { rollupTrendPoints } from '../shared/RollupFigures';
import type { ReactNode } from 'react';

type Row = DomainRollup & { id: string; name: string; namespace: string };

const nullsLast =
  (field: 'averageScore' | 'minimumScore') => (a: Row, b: Row) =>
    (a[field] ?? Infinity) - (b[field] ?? Infinity);

/** Every domain with its figures, linking to its drill-down. */
export function DomainsTable(props: { domains: DomainRollup[] }) {
  const domainLink = useRouteRef(domainRouteRef);
  const rows: Row[] = props.domains.map(domain => {
    // Products without a domain have a bucket of their own: no Domain page.
    const ref =
      domain.domain === NO_DOMAIN
        ? { namespace: '', name: domain.title ?? 'No domain' }
        : parseEntityRef(domain.domain);
    return { ...domain, id: domain.domain, ...ref };
  });
  const link = (row: Row, status?: string) =>
    row.domain === NO_DOMAIN
      ? undefined
      : `${domainLink({ namespace: row.namespace, name: row.name })}${
          status ? `?status=${status}` : ''
        }`;
  const linked = (
    row: Row,
    text: ReactNode,
    label?: string,
    status?: string,
  ) => {
    const to = link(row, status);
    return to ? (
      <Link to={to} aria-label={label}>
        {text}
      </Link>
    ) : (
      text
    );
  };
  const countColumn = (
    title: string,
    field: 'passCount' | 'warnCount' | 'failCount',
    status: string,
  ): TableColumn<Row> => ({
    title,
    field,
    type: 'numeric',
    width: '64px',
    render: row =>
      row[field] > 0
        ? linked(
            row,
            row[field],
            `${row[field]} ${title} in ${row.title ?? row.name}`,
            status,
          )
        : 0,
  });
  const columns: TableColumn<Row>[] = [
    {
      title: 'Domain',
      field: 'name',
      highlight: true,
      customSort: (a, b) =>
        (a.title ?? a.name).localeCompare(b.title ?? b.name),
      render: row => linked(row, row.title ?? row.name),
    },
    {
      title: 'Products',
      field: 'productCount',
      type: 'numeric',
      width: '80px',
    },
    {
      title: 'Average score',
      field: 'averageScore',
      type: 'numeric',
      width: '80px',
      customSort: nullsLast('averageScore'),
      render: row => formatScore(row.averageScore),
    },
    {
      title: 'Lowest score',
      field: 'minimumScore',
      type: 'numeric',
      width: '80px',
      customSort: nullsLast('minimumScore'),
      render: row => formatScore(row.minimumScore),
    },
    countColumn('Pass', 'passCount', 'pass'),
    countColumn('Warn', 'warnCount', 'warn'),
    countColumn('Fail', 'failCount', 'fail'),
    {
      title: 'Trend (30 days)',
      sorting: false,
      width: '136px',
      render: row => (
        <ScoreTrend
          variant="sparkline"
          title={`Average score of ${row.title ?? row.name}`}
          points={rollupTrendPoints(row.trend)}
        />
      ),
    },
    {
      title: 'Most violated rules',
      sorting: false,
      cellStyle: { fontSize: '0.8rem' },
      render: row =>
        row.topFailingRules
          .slice(0, 3)
          .map(rule => `${rule.ruleId} (${rule.count})`)
          .join(', '),
    },
  ];
  return (
    <Table<Row>
      title="Domains"
      columns={columns}
      data={rows}
      options={{
        paging: rows.length > 20,
        pageSize: 20,
        search: rows.length > 5,
        padding: 'dense',
      }}
    />
  );
}
