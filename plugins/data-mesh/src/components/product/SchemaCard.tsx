import { EmptyState } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import type { DataProductSchemaField } from '@datamesh-backstage/plugin-data-mesh-common';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';
import { DataProductCard } from './DataProductCard';
import { dataMeshTranslationRef } from '../../translation';
import { PiiMarker } from './PiiMarker';

function SchemaTable(props: { fields: DataProductSchemaField[] }) {
  const piiCount = props.fields.filter(field => field.pii).length;
  return (
    <Table size="small" aria-label="Schema fields">
      <caption>
        {props.fields.length} fields, {piiCount} holding personally identifiable
        information (PII)
      </caption>
      <ColumnHeaders
        columns={[
          'Field',
          'Type',
          'Required',
          'PII',
          'Description',
          'Allowed values',
        ]}
      />
      <TableBody>
        {props.fields.map(field => (
          <TableRow key={field.name} data-pii={field.pii ? 'true' : 'false'}>
            <RowHeader>
              <code>{field.name}</code>
            </RowHeader>
            <TableCell>{field.type ?? '—'}</TableCell>
            <TableCell>{field.required ? 'Yes' : 'No'}</TableCell>
            <TableCell>{field.pii ? <PiiMarker /> : 'No'}</TableCell>
            <TableCell>{field.description}</TableCell>
            <TableCell>{field.enum?.map(String).join(', ')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The product's published schema, with the fields that hold PII marked. */
export function SchemaCard() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.schema.title')}>
      {({ entity }) => {
        const schema = entity.spec.schema;
        if (!schema?.fields?.length) {
          return (
            <EmptyState
              missing="field"
              title={t('cards.schema.emptyTitle')}
              description="Describe the product's fields under spec.schema.fields, marking personal data with pii: true."
            />
          );
        }
        return (
          <>
            {schema.type && (
              <p style={{ marginTop: 0 }}>
                Schema language: <code>{schema.type}</code>
              </p>
            )}
            <SchemaTable fields={schema.fields} />
          </>
        );
      }}
    </DataProductCard>
  );
}
