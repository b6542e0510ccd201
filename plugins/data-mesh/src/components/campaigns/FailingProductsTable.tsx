import { Table, TableColumn } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { CampaignFailingProduct } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  AsyncContent,
  dataMeshApiRef,
  formatScore,
  useCursorPaging,
} from '@datamesh-backstage/plugin-data-mesh-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

const PAGE_SIZE = 25;

/** The products of a campaign not done yet, with their owners, a page at a time. */
export function FailingProductsTable(props: {
  campaignId: string;
  open: boolean;
}) {
  const api = useApi(dataMeshApiRef);
  const paging = useCursorPaging(props.campaignId);
  const page = useAsyncRetry(
    () =>
      api.listCampaignFailing(props.campaignId, {
        limit: PAGE_SIZE,
        cursor: paging.cursor,
      }),
    [api, props.campaignId, paging.cursor],
  );
  const columns: TableColumn<CampaignFailingProduct>[] = [
    {
      title: 'Product',
      field: 'entityRef',
      highlight: true,
      render: row => <EntityRefLink entityRef={row.entityRef} />,
    },
    {
      title: 'Owner',
      field: 'owner',
      render: row =>
        row.owner ? <EntityRefLink entityRef={row.owner} /> : '—',
    },
    {
      title: 'Domain',
      field: 'domain',
      render: row =>
        row.domain ? <EntityRefLink entityRef={row.domain} /> : '—',
    },
    {
      title: 'Score',
      field: 'score',
      type: 'numeric',
      render: row => formatScore(row.score),
    },
  ];
  if (props.open) {
    columns.push({
      title: 'Rules still failing',
      field: 'failingRules',
      render: row => row.failingRules.join(', ') || '—',
    });
  }
  return (
    <AsyncContent
      {...page}
      loadingLabel="Loading failing products"
      isEmpty={value => value.items.length === 0 && paging.page === 0}
      emptyTitle="No product left to fix"
      emptyDescription="Every product of the campaign that you may see is done."
    >
      {value => (
        <>
          <Table
            title={
              props.open
                ? 'Products still failing'
                : 'Products failing at closing'
            }
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={columns}
            data={value.items.map(item => ({ ...item }))}
          />
          <Button disabled={paging.page === 0} onClick={paging.previous}>
            Previous
          </Button>
          <Button
            disabled={!value.nextCursor}
            onClick={() => value.nextCursor && paging.next(value.nextCursor)}
          >
            Next
          </Button>
        </>
      )}
    </AsyncContent>
  );
}
