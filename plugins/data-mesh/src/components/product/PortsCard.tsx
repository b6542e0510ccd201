import { EmptyState } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  DataProductEntityV1alpha1,
  DataProductPort,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  SafeLink,
  absoluteWebUrl,
  contractUrl,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';
import { DataProductCard } from './DataProductCard';
import { dataMeshTranslationRef } from '../../translation';
import { RefLink } from '../shared/RefLink';

const COLUMNS = [
  'Port',
  'Type',
  'Format',
  'Location',
  'Contract',
  'Authentication',
];

/** An address: a link when it is an absolute web URL, else code text. */
function Address(props: { value?: string; href?: string }) {
  if (!props.value) {
    return null;
  }
  return props.href ? (
    <SafeLink url={props.href}>{props.value}</SafeLink>
  ) : (
    <code>{props.value}</code>
  );
}

function PortsTable(props: {
  label: string;
  ports: DataProductPort[];
  entity: DataProductEntityV1alpha1;
  direction: 'input' | 'output';
}) {
  const { ports, entity, direction } = props;
  const namespace = entity.metadata.namespace ?? 'default';
  return (
    <Table size="small" aria-label={props.label}>
      <ColumnHeaders
        columns={direction === 'input' ? [...COLUMNS, 'Reads'] : COLUMNS}
      />
      <TableBody>
        {ports.map(port => (
          <TableRow key={port.name}>
            <RowHeader caption={port.description}>{port.name}</RowHeader>
            <TableCell>{port.type}</TableCell>
            <TableCell>{port.format}</TableCell>
            <TableCell>
              <Address value={port.location} />
              {port.location && port.endpoint && <br />}
              <Address
                value={port.endpoint}
                href={absoluteWebUrl(port.endpoint)}
              />
            </TableCell>
            <TableCell>
              <Address
                value={port.contract}
                href={contractUrl(port.contract, entity)}
              />
            </TableCell>
            <TableCell>{port.authentication}</TableCell>
            {direction === 'input' && (
              <TableCell>
                {port.product && (
                  <>
                    <RefLink
                      entityRef={port.product}
                      defaultKind="DataProduct"
                      defaultNamespace={namespace}
                    />
                    {port.port && <> · {port.port}</>}
                  </>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Input and output ports: type, format, location or endpoint, contract and
 * authentication; input ports name the product they read.
 */
export function PortsCard() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.ports.title')}>
      {({ entity }) => {
        const inputs = entity.spec.inputPorts ?? [];
        const outputs = entity.spec.outputPorts ?? [];
        if (inputs.length === 0 && outputs.length === 0) {
          return (
            <EmptyState
              missing="field"
              title={t('cards.ports.emptyTitle')}
              description="Declare how data enters (spec.inputPorts) and leaves (spec.outputPorts) the product."
            />
          );
        }
        const sections = [
          {
            direction: 'output' as const,
            title: t('cards.ports.output'),
            ports: outputs,
            none: 'None: consumers cannot read this product.',
          },
          {
            direction: 'input' as const,
            title: t('cards.ports.input'),
            ports: inputs,
            none: 'None declared.',
          },
        ];
        return sections.map(section => (
          <section key={section.direction} aria-label={section.title}>
            <Typography variant="h6" component="h3" style={{ marginTop: 8 }}>
              {section.title}
            </Typography>
            {section.ports.length ? (
              <PortsTable
                label={section.title}
                ports={section.ports}
                entity={entity}
                direction={section.direction}
              />
            ) : (
              <Typography>{section.none}</Typography>
            )}
          </section>
        ));
      }}
    </DataProductCard>
  );
}
