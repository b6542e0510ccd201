import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  DATA_PRODUCT_KIND,
  Scorecard,
} from '@datamesh-backstage/plugin-data-mesh-common';
import Typography from '@material-ui/core/Typography';
import { useScorecard } from '../hooks/useDataMeshQueries';
import { formatScore } from '../lib/format';
import { dataMeshReactTranslationRef } from '../translation/dataMeshReactTranslationRef';
import { AsyncContent } from './AsyncContent';
import { ScorecardStatusLabel } from './ScorecardStatusLabel';

/** Props of {@link DataProductScorecard}. @public */
export interface DataProductScorecardProps {
  /** The product, as an entity ref; the kind defaults to DataProduct. */
  entityRef: string;
  /** The card's title; by default a translated "Data product governance". */
  title?: string;
  /** How many unwaived violations to list, errors first; default 3. */
  maxViolations?: number;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function ScorecardSummary(props: { card: Scorecard; maxViolations: number }) {
  const { card } = props;
  const { t } = useTranslationRef(dataMeshReactTranslationRef);
  const open = card.violations.filter(v => !v.waived);
  const count = (severity: string) =>
    String(open.filter(v => v.severity === severity).length);
  const first = [...open]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .slice(0, props.maxViolations);
  return (
    <>
      <Typography variant="h4" component="p">
        {t('dataProductScorecard.score', { score: formatScore(card.score) })}
      </Typography>
      <ScorecardStatusLabel status={card.status} />
      <Typography variant="body2" paragraph>
        {t('dataProductScorecard.counts', {
          errors: count('error'),
          warnings: count('warning'),
          waived: String(card.violations.length - open.length),
        })}
      </Typography>
      {first.length > 0 && (
        <section aria-label={t('dataProductScorecard.topViolations')}>
          <Typography variant="subtitle2" component="h3">
            {t('dataProductScorecard.topViolations')}
          </Typography>
          <ul style={{ marginTop: 0, paddingLeft: 20 }}>
            {first.map((v, index) => (
              <li key={`${v.ruleId}-${v.path}-${index}`}>
                <strong>{v.ruleId}</strong> {v.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * A data product's governance scorecard for another plugin's pages: the
 * score, status, counts of unwaived errors and warnings and of waived
 * violations, the first violations to fix, and a link to the product's page
 * in the catalog (the catalog's `entityRouteRef` must be mounted, as it is
 * wherever the catalog plugin is). Reads the scorecard with `dataMeshApiRef`
 * as the signed-in user, so it shows only products the user may see.
 * @public
 */
export function DataProductScorecard(props: DataProductScorecardProps) {
  const { t } = useTranslationRef(dataMeshReactTranslationRef);
  const ref = parseEntityRef(props.entityRef, {
    defaultKind: DATA_PRODUCT_KIND,
  });
  const entityRoute = useRouteRef(entityRouteRef);
  const scorecard = useScorecard(
    `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US'),
  );
  const productUrl = entityRoute({
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace.toLocaleLowerCase('en-US'),
    name: ref.name,
  });
  return (
    <InfoCard
      title={props.title ?? t('dataProductScorecard.title')}
      subheader={ref.name}
      deepLink={{ title: t('dataProductScorecard.open'), link: productUrl }}
    >
      <AsyncContent
        {...scorecard}
        loadingLabel={t('dataProductScorecard.loading')}
        emptyTitle={t('dataProductScorecard.notScored')}
        emptyDescription={t('dataProductScorecard.notScoredDescription')}
      >
        {card => (
          <ScorecardSummary
            card={card}
            maxViolations={props.maxViolations ?? 3}
          />
        )}
      </AsyncContent>
    </InfoCard>
  );
}
