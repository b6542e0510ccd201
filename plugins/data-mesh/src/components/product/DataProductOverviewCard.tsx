import Chip from '@material-ui/core/Chip';
import {
  SafeLink,
  SafeMarkdown,
} from '@datamesh-backstage/plugin-data-mesh-react';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { DataProductCard } from './DataProductCard';
import { Field, FieldList } from '../shared/FieldList';
import { RefLink } from '../shared/RefLink';

function overviewFields(entity: DataProductEntityV1alpha1): Field[] {
  const { spec, metadata } = entity;
  const namespace = metadata.namespace ?? 'default';
  const links = metadata.links ?? [];
  return [
    {
      label: 'Description',
      value: metadata.description && (
        <SafeMarkdown content={metadata.description} />
      ),
      wide: true,
    },
    { label: 'Type', value: spec.type },
    ...[
      { label: 'Domain', ref: spec.domain, kind: 'Domain' },
      { label: 'Owner', ref: spec.owner, kind: 'Group' },
    ].map(({ label, ref, kind }) => ({
      label,
      value: ref && (
        <RefLink
          entityRef={ref}
          defaultKind={kind}
          defaultNamespace={namespace}
        />
      ),
    })),
    { label: 'Version', value: spec.version },
    { label: 'Lifecycle', value: spec.lifecycle },
    { label: 'Classification', value: spec.access?.classification },
    { label: 'Retention', value: spec.access?.retention },
    {
      label: 'Tags',
      value: metadata.tags?.length
        ? metadata.tags.map(tag => <Chip key={tag} size="small" label={tag} />)
        : undefined,
    },
    {
      label: 'Links',
      wide: true,
      value: links.length ? (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {links.map((link, index) => (
            <li key={`${index}-${link.url}`}>
              <SafeLink url={link.url}>{link.title ?? link.url}</SafeLink>
            </li>
          ))}
        </ul>
      ) : undefined,
    },
  ];
}

/**
 * A data product at a glance: description (sanitised markdown), type,
 * domain, owner, version, lifecycle, classification, retention, tags and
 * links (only http, https and mailto addresses become links).
 */
export function DataProductOverviewCard() {
  return (
    <DataProductCard title="Data product">
      {({ entity }) => <FieldList fields={overviewFields(entity)} />}
    </DataProductCard>
  );
}
