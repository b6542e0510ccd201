import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { useTheme } from '@material-ui/core/styles';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Lineage, LineageNode } from './loadLineage';

const NODE_HEIGHT = 44;

/** Tall enough for the widest rank of the graph, within bounds. */
export function graphHeight(lineage: Lineage): number {
  const perRank = new Map<string, number>();
  for (const node of lineage.nodes) {
    const rank = `${node.side}-${node.depth}`;
    perRank.set(rank, (perRank.get(rank) ?? 0) + 1);
  }
  const widest = Math.max(1, ...perRank.values());
  return Math.min(480, Math.max(160, widest * 52 + 40));
}

function nodeWidth(node: LineageNode) {
  const label = node.title ?? node.name;
  return Math.max(110, Math.min(260, label.length * 7.5 + 28));
}

/**
 * The lineage drawn left to right with Backstage's `DependencyGraph` (dagre
 * layout): upstream entities, the product (highlighted), downstream
 * entities. Clicking a node opens its catalog page.
 */
export function LineageGraph(props: { lineage: Lineage; height?: number }) {
  const theme = useTheme();
  const navigate = useNavigate();
  const entityLink = useEntityRefLink();

  const renderNode = useCallback(
    ({ node }: DependencyGraphTypes.RenderNodeProps<LineageNode>) => {
      const width = nodeWidth(node);
      const isProduct = node.kind.toLocaleLowerCase('en-US') === 'dataproduct';
      let fill = theme.palette.grey[600];
      if (node.side === 'root') fill = theme.palette.secondary.main;
      else if (isProduct) fill = theme.palette.primary.main;
      return (
        <g
          onClick={() => navigate(entityLink(node.id))}
          style={{ cursor: 'pointer' }}
          data-testid={`lineage-node-${node.id}`}
        >
          <title>{`${node.kind} ${node.namespace}/${node.name}`}</title>
          <rect width={width} height={NODE_HEIGHT} rx={6} fill={fill} />
          {[
            { y: 18, size: 13, weight: 'bold', text: node.title ?? node.name },
            { y: 35, size: 11, weight: 'normal', text: node.kind },
          ].map(line => (
            <text
              key={line.y}
              x={width / 2}
              y={line.y}
              textAnchor="middle"
              fill={theme.palette.common.white}
              fontSize={line.size}
              fontWeight={line.weight}
            >
              {line.text}
            </text>
          ))}
        </g>
      );
    },
    [theme, navigate, entityLink],
  );

  return (
    <div
      style={{ height: props.height ?? graphHeight(props.lineage) }}
      aria-hidden
    >
      <DependencyGraph<LineageNode, { label: string }>
        nodes={props.lineage.nodes}
        edges={props.lineage.edges}
        renderNode={renderNode}
        direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
        labelPosition={DependencyGraphTypes.LabelPosition.RIGHT}
        paddingX={theme.spacing(2)}
        paddingY={theme.spacing(2)}
        rankMargin={80}
        fit="contain"
        zoom="enable-on-click"
        showArrowHeads
        allowFullscreen={false}
        style={{ width: '100%', height: '100%' }}
      />
    </div>
  );
}
