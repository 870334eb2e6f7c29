/** The relation graph: entities as nodes, relations as edges, laid out by d3-force (computed once, drawn as SVG). */
import { forceCenter, forceLink, forceManyBody, forceSimulation } from 'd3-force';
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import { useState } from 'preact/hooks';
import { get, href, label, qs } from '../api';
import type { EntityType } from '../api';
import { useLoad } from '../router';
import { Loaded } from './common';

interface Node extends SimulationNodeDatum {
  key: string;
  name: string;
  type: EntityType;
  documents: number;
}
interface Edge extends SimulationLinkDatum<Node> {
  type: string;
  count: number;
}
interface Graph {
  nodes: Node[];
  edges: { source: string; target: string; type: string; count: number }[];
}

const W = 900;
const H = 560;

function layout(g: Graph): { nodes: Node[]; links: Edge[] } {
  const nodes = g.nodes.map((n) => ({ ...n }));
  const links: Edge[] = g.edges.map((e) => ({ ...e }));
  const sim = forceSimulation(nodes)
    .force(
      'link',
      forceLink<Node, Edge>(links)
        .id((n) => n.key)
        .distance(70),
    )
    .force('charge', forceManyBody().strength(-160))
    .force('center', forceCenter(W / 2, H / 2))
    .stop();
  sim.tick(300);
  for (const n of nodes) {
    n.x = Math.max(20, Math.min(W - 20, n.x ?? 0));
    n.y = Math.max(20, Math.min(H - 20, n.y ?? 0));
  }
  return { nodes, links };
}

export function GraphPage() {
  const [entity, setEntity] = useState('');
  const [applied, setApplied] = useState('');
  const g = useLoad(() => get<Graph>(`/api/graph${qs({ entity: applied, limit: 200 })}`), [applied]);
  return (
    <section>
      <h1>Relation graph</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(entity);
        }}
      >
        <input
          placeholder="entity key (empty: strongest relations)"
          value={entity}
          onInput={(e) => setEntity(e.currentTarget.value)}
        />
        <button type="submit">Show</button>
      </form>
      <Loaded {...g}>
        {(d) => {
          const { nodes, links } = layout(d);
          const at = (n: string | number | Node) => n as Node;
          return (
            <svg class="graph" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="relation graph">
              <g class="edges">
                {links.map((l) => (
                  <line
                    x1={at(l.source).x}
                    y1={at(l.source).y}
                    x2={at(l.target).x}
                    y2={at(l.target).y}
                    stroke-width={Math.min(6, 1 + Math.log2(l.count))}
                  >
                    <title>{`${at(l.source).name} ${label(l.type)} ${at(l.target).name} (×${l.count})`}</title>
                  </line>
                ))}
              </g>
              <g class="nodes">
                {nodes.map((n) => (
                  <a href={href.entity(n.key)}>
                    <circle
                      class={`node t-${n.type}`}
                      cx={n.x}
                      cy={n.y}
                      r={Math.min(16, 5 + Math.log2(1 + n.documents))}
                    />
                    <text x={(n.x ?? 0) + 8} y={(n.y ?? 0) - 8}>
                      {n.name}
                    </text>
                  </a>
                ))}
              </g>
            </svg>
          );
        }}
      </Loaded>
    </section>
  );
}
