import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import type { CampaignSummary } from '@datamesh-backstage/plugin-data-mesh-common';
import { campaignRouteRef } from '../../routes';
import { CampaignHealthChip, percent } from './CampaignHealthChip';

/** Campaigns with their share done against the target, linking to each. */
export function CampaignsTable(props: {
  campaigns: CampaignSummary[];
  title?: string;
}) {
  const campaignLink = useRouteRef(campaignRouteRef);
  const columns: TableColumn<CampaignSummary>[] = [
    {
      title: 'Campaign',
      field: 'name',
      highlight: true,
      render: row => <Link to={campaignLink({ id: row.id })}>{row.name}</Link>,
    },
    {
      title: 'Status',
      field: 'health',
      render: row => <CampaignHealthChip health={row.health} />,
    },
    {
      title: 'Done',
      field: 'share',
      type: 'numeric',
      render: row => `${percent(row.share)} (${row.done} of ${row.total})`,
    },
    {
      title: 'Target',
      field: 'targetShare',
      type: 'numeric',
      render: row => percent(row.targetShare),
    },
    { title: 'Deadline', field: 'deadline' },
  ];
  return (
    <Table
      title={props.title ?? 'Campaigns'}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.campaigns.map(c => ({ ...c }))}
    />
  );
}
