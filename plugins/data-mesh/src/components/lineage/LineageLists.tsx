import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { dataMeshTranslationRef } from '../../translation';
import type { Lineage, LineageSide } from './loadLineage';

const SIDES = [
  'upstream',
  'downstream',
] as const satisfies readonly LineageSide[];

/**
 * The lineage as lists of links, nearest first: what screen readers and
 * keyboards use instead of the drawing.
 */
export function LineageLists(props: { lineage: Lineage }) {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <Grid container spacing={2}>
      {SIDES.map(side => {
        const title = t(`cards.lineage.${side}`);
        const nodes = props.lineage.nodes
          .filter(node => node.side === side)
          .sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id));
        return (
          <Grid item xs={12} sm={6} key={side}>
            <section aria-label={title}>
              <Typography variant="subtitle2" component="h3">
                {title}
              </Typography>
              {nodes.length === 0 ? (
                <Typography variant="body2">
                  {t('cards.lineage.none')}
                </Typography>
              ) : (
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {nodes.map(node => (
                    <li key={node.id}>
                      <EntityRefLink entityRef={node.id} />
                      {node.depth > 1 && ` (${node.depth} hops)`}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </Grid>
        );
      })}
    </Grid>
  );
}
