import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { dataMeshTranslationRef } from '../../translation';
import type { LineageNode } from './loadLineage';
import type { AgreedLineage } from './useLineage';

const byDepth = (a: LineageNode, b: LineageNode) =>
  a.depth - b.depth || a.id.localeCompare(b.id);

function NodeList(props: { nodes: LineageNode[]; none: string }) {
  if (props.nodes.length === 0) {
    return <Typography variant="body2">{props.none}</Typography>;
  }
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {props.nodes.map(node => (
        <li key={node.id}>
          <EntityRefLink entityRef={node.id} />
          {node.depth > 1 && ` (${node.depth} hops)`}
        </li>
      ))}
    </ul>
  );
}

/**
 * The lineage as lists of links, nearest first: what screen readers and
 * keyboards use instead of the drawing. Downstream, the consumers holding a
 * data sharing agreement are listed apart from those only declared (input
 * ports and annotations naming the product).
 */
export function LineageLists(props: { lineage: AgreedLineage }) {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const agreed = new Set(props.lineage.agreed);
  const side = (name: 'upstream' | 'downstream') =>
    props.lineage.nodes.filter(node => node.side === name).sort(byDepth);
  const downstream = side('downstream');
  const none = t('cards.lineage.none');
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6}>
        <section aria-label={t('cards.lineage.upstream')}>
          <Typography variant="subtitle2" component="h3">
            {t('cards.lineage.upstream')}
          </Typography>
          <NodeList nodes={side('upstream')} none={none} />
        </section>
      </Grid>
      <Grid item xs={12} sm={6}>
        <section aria-label={t('cards.lineage.downstream')}>
          <Typography variant="subtitle2" component="h3">
            {t('cards.lineage.downstream')}
          </Typography>
          <section aria-label={t('cards.lineage.agreed')}>
            <Typography variant="caption" component="h4">
              {t('cards.lineage.agreed')}
            </Typography>
            <NodeList
              nodes={downstream.filter(node => agreed.has(node.id))}
              none={none}
            />
          </section>
          <section aria-label={t('cards.lineage.declaredOnly')}>
            <Typography variant="caption" component="h4">
              {t('cards.lineage.declaredOnly')}
            </Typography>
            <NodeList
              nodes={downstream.filter(node => !agreed.has(node.id))}
              none={none}
            />
          </section>
        </section>
      </Grid>
    </Grid>
  );
}
