/**
 * The overview graph's positions, computed once when the site is built
 * (dagre, left to right). Ranks are ours, not dagre's: each kind has its
 * column (streams, staging, dimensions and snapshots, facts, the user's own
 * models) and a node goes one column past its rightmost input, so every edge
 * points right and the columns read as the pipeline's stages. Edges that
 * skip a column get dagre's bend points, which route them between the
 * nodes of the columns they cross.
 */
import dagre from '@dagrejs/dagre';
import type { DocEdge, DocKind, DocNode, GraphLayout } from './manifest.ts';

const COLUMN: Record<DocKind, number> = { stream: 0, staging: 1, seed: 1, dimension: 2, snapshot: 2, fact: 3, model: 4 };

/** Label metrics of the site's node text (11.5px monospace). */
export const NODE_CHAR_WIDTH = 7;
export const NODE_HEIGHT = 20;
const NODE_PADDING = 18;

/** Each node's column: its kind's, or one past its rightmost input, whichever is further right. */
export function ranks(nodes: readonly Pick<DocNode, 'id' | 'kind'>[], edges: readonly DocEdge[]): Map<string, number> {
  const inputs = new Map<string, string[]>();
  for (const e of edges) inputs.set(e.to, [...(inputs.get(e.to) ?? []), e.from]);
  const rank = new Map<string, number>();
  const kinds = new Map(nodes.map((n) => [n.id, n.kind]));
  const visit = (id: string, path: Set<string>): number => {
    const known = rank.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return COLUMN[kinds.get(id)!]; // a cycle cannot reach here (the project refuses them); stay finite anyway
    path.add(id);
    const after = Math.max(-1, ...(inputs.get(id) ?? []).filter((p) => kinds.has(p)).map((p) => visit(p, path)));
    path.delete(id);
    const r = Math.max(COLUMN[kinds.get(id)!], after + 1);
    rank.set(id, r);
    return r;
  };
  for (const n of nodes) visit(n.id, new Set());
  return rank;
}

export function nodeWidth(label: string): number {
  return Math.ceil(label.length * NODE_CHAR_WIDTH) + NODE_PADDING;
}

export function layoutGraph(nodes: readonly Pick<DocNode, 'id' | 'kind' | 'name'>[], edges: readonly DocEdge[]): GraphLayout {
  const rank = ranks(nodes, edges);
  const g = new dagre.graphlib.Graph();
  // Our ranks, doubled: dagre halves ranksep and doubles minlen to leave room for edge labels.
  g.setGraph({ rankdir: 'LR', ranker: 'none', nodesep: 6, edgesep: 3, ranksep: 100, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: nodeWidth(n.name), height: NODE_HEIGHT, rank: 2 * rank.get(n.id)! });
  for (const e of edges) if (rank.has(e.from) && rank.has(e.to)) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const { width = 0, height = 0 } = g.graph();
  return {
    width: Math.ceil(width),
    height: Math.ceil(height),
    nodes: nodes.map((n) => {
      const p = g.node(n.id);
      return { id: n.id, x: round(p.x), y: round(p.y), width: p.width, height: p.height, rank: rank.get(n.id)! };
    }),
    edges: g.edges().map((e: { v: string; w: string }) => ({ from: e.v, to: e.w, points: (g.edge(e).points ?? []).map((p: { x: number; y: number }) => ({ x: round(p.x), y: round(p.y) })) })),
  };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
