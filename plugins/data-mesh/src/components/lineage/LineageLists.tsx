import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Lineage, LineageSide } from './loadLineage';

const SIDES: Array<{ side: LineageSide; title: string }> = [
  { side: 'upstream', title: 'Upstream (reads from)' },
  { side: 'downstream', title: 'Downstream (read by)' },
];

/**
 * The lineage as lists of links, nearest first: what screen readers and
 * keyboards use instead of the drawing.
 */
export function LineageLists(props: { lineage: Lineage }) {
  return (
    <Grid container spacing={2}>
      {SIDES.map(({ side, title }) => {
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
                <Typography variant="body2">None</Typography>
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
