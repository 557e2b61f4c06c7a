import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from "d3-sankey";
import type { Persuasion } from "../../server/live/views/types";
import { stanceLabel } from "~/lib/polls";
import { flowGraph, type FlowLink, type FlowNode } from "~/lib/review";

// The drawing's own units; the SVG scales to its box, and these keep labels readable on a phone.
const WIDTH = 420;
const HEIGHT = 240;
const TOP = 22;
const stanceShort = { for: "For", against: "Against", undecided: "Undecided" } as const;

type Node = SankeyNode<FlowNode, FlowLink>;
type Link = SankeyLink<FlowNode, FlowLink>;

/**
 * Where the students who voted on the motion twice went: a Sankey diagram (d3-sankey lays it out,
 * React draws it) from each stance before to each stance after, band widths in students. Every
 * node and band is named in words, and the same numbers are a table for screen readers.
 */
export function VoteFlow({ persuasion }: { persuasion: Persuasion }) {
  const graph = flowGraph(persuasion);
  if (graph.links.length === 0) return <p className="muted">No student voted both before and after.</p>;
  const layout = sankey<FlowNode, FlowLink>()
    .nodeId((n) => n.id)
    .nodeWidth(12)
    .nodePadding(14)
    // The stances keep their order (for, against, undecided) on both sides instead of the library's.
    .nodeSort(null)
    .extent([
      [1, TOP],
      [WIDTH - 1, HEIGHT - 1],
    ]);
  const { nodes, links } = layout({ nodes: graph.nodes.map((n) => ({ ...n })), links: graph.links.map((l) => ({ ...l })) });
  const path = sankeyLinkHorizontal<FlowNode, FlowLink>();
  const both = graph.links.reduce((sum, l) => sum + l.value, 0);
  return (
    <figure className="vote-flow">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <text x={1} y={12} className="flow-column">
          Before
        </text>
        <text x={WIDTH - 1} y={12} textAnchor="end" className="flow-column">
          After
        </text>
        {(links as Link[]).map((l, i) => (
          <path key={i} d={path(l) ?? undefined} className={`flow-link stance-${l.from}`} strokeWidth={Math.max(1, l.width ?? 1)}>
            <title>{`${stanceShort[l.from]} → ${stanceShort[l.to]}: ${l.value}`}</title>
          </path>
        ))}
        {(nodes as Node[]).map((n) => {
          const left = n.when === "before";
          return (
            <g key={n.id}>
              <rect x={n.x0} y={n.y0} width={(n.x1 ?? 0) - (n.x0 ?? 0)} height={Math.max(1, (n.y1 ?? 0) - (n.y0 ?? 0))} className={`flow-node stance-${n.stance}`} />
              <text x={left ? (n.x1 ?? 0) + 5 : (n.x0 ?? 0) - 5} y={((n.y0 ?? 0) + (n.y1 ?? 0)) / 2} dy="0.35em" textAnchor={left ? "start" : "end"} className="flow-label">
                {stanceShort[n.stance]} {n.count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        How the {both} {both === 1 ? "student" : "students"} who voted both times moved, from their vote before the debate (left) to their vote after (right).
      </figcaption>
      <div className="visually-hidden">
        <table>
          <caption>How students moved between the motion polls</caption>
          <thead>
            <tr>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Students</th>
            </tr>
          </thead>
          <tbody>
            {graph.links.map((l) => (
              <tr key={`${l.from}-${l.to}`}>
                <th scope="row">{stanceLabel[l.from]}</th>
                <td>{stanceLabel[l.to]}</td>
                <td>{l.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
