/**
 * The lineage graph as one self-contained HTML page: laid out here with dagre
 * (a small layered-graph layout library) and drawn as inline SVG, so the page
 * needs no network and no script to show the graph. Inlining Mermaid's
 * browser bundle instead would have meant 3.5 MB per page and a 150 MB
 * dependency tree for one output format.
 */
import dagre from '@dagrejs/dagre';
import { toMermaid, type Lineage, type LineageNode } from './lineage.ts';

const CHAR_WIDTH = 7.3; // 12px monospace
const NODE_HEIGHT = 28;
const MARGIN = 16;

const FILL: Record<string, string> = {
  source: '#eef4fb',
  seed: '#fdf6e3',
  incremental: '#eaf7ee',
  table: '#f3eefb',
  view: '#f6f6f6',
};

export function toHtml(lineage: Lineage, title: string): string {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 10, ranksep: 70, edgesep: 6, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of lineage.nodes) g.setNode(node.id, { width: Math.ceil(node.id.length * CHAR_WIDTH) + 24, height: NODE_HEIGHT });
  for (const edge of lineage.edges) g.setEdge(edge.from, edge.to);
  dagre.layout(g);
  const { width = 0, height = 0 } = g.graph();

  const edges = lineage.edges.map((edge) => {
    const points = g.edge(edge.from, edge.to).points ?? [];
    return `<path class="edge" data-from="${edge.from}" data-to="${edge.to}" d="${smoothPath(points)}"/>`;
  });
  const nodes = lineage.nodes.map((node) => {
    const { x, y, width: w, height: h } = g.node(node.id);
    return `<g class="node ${kindClass(node)}" data-id="${node.id}"><title>${escapeHtml(describe(node))}</title>${shape(node, x, y, w, h)}<text x="${fmt(x)}" y="${fmt(y + 4)}">${node.id}</text></g>`;
  });
  const counts = { source: 0, seed: 0, model: 0 };
  for (const node of lineage.nodes) counts[node.kind]++;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
  h1 { font-size: 1.2rem; margin: 0 0 .3rem; }
  p { margin: 0 0 1rem; color: #555; }
  .legend span { display: inline-block; padding: 0 .5rem; margin-right: .4rem; border: 1px solid #999; font-family: ui-monospace, monospace; font-size: 12px; }
  svg { display: block; max-width: none; }
  .node text { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; text-anchor: middle; pointer-events: none; }
  .node rect, .node polygon { stroke: #777; stroke-width: 1; }
  .edge { fill: none; stroke: #9aa4ae; stroke-width: 1.2; marker-end: url(#arrow); }
  .edge.on { stroke: #d0451b; stroke-width: 2; }
  .node.on rect, .node.on polygon { stroke: #d0451b; stroke-width: 2; }
  pre { background: #f6f6f6; padding: .8rem; overflow: auto; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${counts.source} raw streams, ${counts.seed} seeds, ${counts.model} models, ${lineage.edges.length} edges. Point at a node to follow its inputs and outputs.</p>
<p class="legend">${Object.entries(FILL).map(([k, fill]) => `<span style="background:${fill}">${k}</span>`).join('')}</p>
<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#9aa4ae"/></marker></defs>
${edges.join('\n')}
${nodes.join('\n')}
</svg>
<details><summary>Mermaid source</summary><pre>${escapeHtml(toMermaid(lineage))}</pre></details>
<script>
  // Hovering a node highlights its edges and neighbours; the graph itself needs no script.
  for (const node of document.querySelectorAll('.node')) {
    const id = node.dataset.id;
    const toggle = (on) => {
      node.classList.toggle('on', on);
      for (const e of document.querySelectorAll('.edge')) {
        if (e.dataset.from !== id && e.dataset.to !== id) continue;
        e.classList.toggle('on', on);
        const other = e.dataset.from === id ? e.dataset.to : e.dataset.from;
        document.querySelector('.node[data-id="' + other + '"]').classList.toggle('on', on);
      }
    };
    node.addEventListener('mouseenter', () => toggle(true));
    node.addEventListener('mouseleave', () => toggle(false));
  }
</script>
</body>
</html>
`;
}

function kindClass(node: LineageNode): string {
  return node.kind === 'model' ? node.materialized : node.kind;
}

function describe(node: LineageNode): string {
  if (node.kind === 'source') return `raw stream of ${node.odooModel}`;
  if (node.kind === 'seed') return 'seed table';
  return `${node.materialized} model, ${node.path}`;
}

function shape(node: LineageNode, x: number, y: number, w: number, h: number): string {
  const fill = FILL[kindClass(node)];
  const left = x - w / 2;
  const top = y - h / 2;
  if (node.kind === 'seed') {
    const s = 6; // slant of the parallelogram
    const pts = [[left + s, top], [left + w, top], [left + w - s, top + h], [left, top + h]];
    return `<polygon fill="${fill}" points="${pts.map(([px, py]) => `${fmt(px!)},${fmt(py!)}`).join(' ')}"/>`;
  }
  const rx = node.kind === 'source' ? h / 2 : 3;
  return `<rect fill="${fill}" x="${fmt(left)}" y="${fmt(top)}" width="${fmt(w)}" height="${fmt(h)}" rx="${fmt(rx)}"/>`;
}

/** Through dagre's points with quadratic curves between their midpoints: smooth bends, exact ends. */
function smoothPath(points: ReadonlyArray<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  const parts = [`M${fmt(points[0]!.x)},${fmt(points[0]!.y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const next = points[i + 1]!;
    parts.push(`Q${fmt(p.x)},${fmt(p.y)} ${fmt((p.x + next.x) / 2)},${fmt((p.y + next.y) / 2)}`);
  }
  const last = points[points.length - 1]!;
  parts.push(`L${fmt(last.x)},${fmt(last.y)}`);
  return parts.join(' ');
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
