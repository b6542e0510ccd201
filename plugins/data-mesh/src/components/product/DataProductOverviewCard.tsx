import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import {
  SafeLink,
  SafeMarkdown,
} from '@datamesh-backstage/plugin-data-mesh-react';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { DataProductCard } from './DataProductCard';
import { Field, FieldList } from '../shared/FieldList';
import { RefLink } from '../shared/RefLink';
import { dataMeshTranslationRef } from '../../translation';

type OverviewLabel =
  | 'description'
  | 'type'
  | 'domain'
  | 'owner'
  | 'version'
  | 'lifecycle'
  | 'classification'
  | 'retention'
  | 'tags'
  | 'links';

function overviewFields(
  entity: DataProductEntityV1alpha1,
  labelOf: (key: OverviewLabel) => string,
): Field[] {
  const { spec, metadata } = entity;
  const namespace = metadata.namespace ?? 'default';
  const links = metadata.links ?? [];
  return [
    {
      label: labelOf('description'),
      value: metadata.description && (
        <SafeMarkdown content={metadata.description} />
      ),
      wide: true,
    },
    { label: labelOf('type'), value: spec.type },
    ...[
      { label: labelOf('domain'), ref: spec.domain, kind: 'Domain' },
      { label: labelOf('owner'), ref: spec.owner, kind: 'Group' },
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
    { label: labelOf('version'), value: spec.version },
    { label: labelOf('lifecycle'), value: spec.lifecycle },
    { label: labelOf('classification'), value: spec.access?.classification },
    { label: labelOf('retention'), value: spec.access?.retention },
    {
      label: labelOf('tags'),
      value: metadata.tags?.length
        ? metadata.tags.map(tag => <Chip key={tag} size="small" label={tag} />)
        : undefined,
    },
    {
      label: labelOf('links'),
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
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.overview.title')}>
      {({ entity }) => (
        <FieldList
          fields={overviewFields(entity, key => t(`cards.overview.${key}`))}
        />
      )}
    </DataProductCard>
  );
}
