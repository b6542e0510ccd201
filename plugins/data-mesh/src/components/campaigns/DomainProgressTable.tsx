import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { CampaignDomainProgress } from '@datamesh-backstage/plugin-data-mesh-common';

/** Products done and remaining in each domain of a campaign. */
export function DomainProgressTable(props: {
  domains: CampaignDomainProgress[];
}) {
  const columns: TableColumn<CampaignDomainProgress>[] = [
    {
      title: 'Domain',
      field: 'domain',
      render: row =>
        row.domain ? <EntityRefLink entityRef={row.domain} /> : 'No domain',
    },
    { title: 'Done', field: 'done', type: 'numeric' },
    { title: 'Remaining', field: 'remaining', type: 'numeric' },
    { title: 'In scope', field: 'total', type: 'numeric' },
  ];
  return (
    <Table
      title="Progress by domain"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.domains.map(d => ({ ...d }))}
    />
  );
}
