/**
 * The lineage graph: raw streams (sources) and seeds feeding the models, as
 * Mermaid or Graphviz DOT text. Node ids are the table names, so an edge
 * reads `raw_pos_order_line --> fact_sales_lines`.
 */
import { rawTableName } from '../db/identifiers.ts';
import type { Materialization } from './model-file.ts';
import type { Project } from './project.ts';

export type LineageNode =
  | { readonly id: string; readonly kind: 'source'; readonly odooModel: string }
  | { readonly id: string; readonly kind: 'seed' }
  | { readonly id: string; readonly kind: 'model'; readonly materialized: Materialization; readonly path: string };

export interface LineageEdge {
  readonly from: string;
  readonly to: string;
}

export interface Lineage {
  /** Sources by name, then seeds by name, then models in run order. */
  readonly nodes: readonly LineageNode[];
  /** Per model in run order, its inputs by name. */
  readonly edges: readonly LineageEdge[];
}

/**
 * The selected models, what they read (raw streams, seeds, and the models
 * they ref, selected or not) and the edges between those nodes. A parent
 * outside the selection comes without its own inputs (select `+name` to
 * see every ancestor); a child outside it is left out.
 */
export function buildLineage(project: Project, selected: ReadonlySet<string>): Lineage {
  const models = project.models.filter((m) => selected.has(m.name));
  const sources = new Map<string, string>(); // raw table -> Odoo model
  const seeds = new Set<string>();
  const parents = new Set<string>(); // models read by a selected model
  const edges: LineageEdge[] = [];
  for (const model of models) {
    const inputs = new Set<string>();
    for (const source of model.sources) {
      const table = rawTableName(source);
      sources.set(table, source);
      inputs.add(table);
    }
    for (const ref of model.refs) {
      if (project.seeds.has(ref)) {
        seeds.add(ref);
        inputs.add(ref);
      } else if (project.byName.has(ref)) {
        inputs.add(ref);
        parents.add(ref);
      }
    }
    for (const from of [...inputs].sort()) edges.push({ from, to: model.name });
  }
  const shown = project.models.filter((m) => selected.has(m.name) || parents.has(m.name));
  const nodes: LineageNode[] = [
    ...[...sources.keys()].sort().map((id): LineageNode => ({ id, kind: 'source', odooModel: sources.get(id)! })),
    ...[...seeds].sort().map((id): LineageNode => ({ id, kind: 'seed' })),
    ...shown.map((m): LineageNode => ({ id: m.name, kind: 'model', materialized: m.materialized, path: m.path })),
  ];
  return { nodes, edges };
}

/** Words Mermaid's flowchart grammar reads as keywords, not node ids. */
const MERMAID_KEYWORDS = new Set(['end', 'graph', 'flowchart', 'subgraph', 'style', 'class', 'classdef', 'click', 'linkstyle', 'direction', 'call', 'href', 'default', 'interpolate']);

function mermaidId(name: string): string {
  return MERMAID_KEYWORDS.has(name.toLowerCase()) ? `${name}_` : name;
}

/** A left-to-right flowchart: sources as cylinders, seeds as parallelograms, models as boxes. */
export function toMermaid(lineage: Lineage): string {
  const lines = ['flowchart LR'];
  for (const node of lineage.nodes) {
    const id = mermaidId(node.id);
    if (node.kind === 'source') lines.push(`  ${id}[("${node.id}")]:::source`);
    else if (node.kind === 'seed') lines.push(`  ${id}[/"${node.id}"/]:::seed`);
    else lines.push(`  ${id}["${node.id}"]:::${node.materialized}`);
  }
  for (const edge of lineage.edges) lines.push(`  ${mermaidId(edge.from)} --> ${mermaidId(edge.to)}`);
  lines.push(
    '  classDef source fill:#eef4fb,stroke:#5b7fa6',
    '  classDef seed fill:#fdf6e3,stroke:#b58900',
    '  classDef incremental fill:#eaf7ee,stroke:#3c8d5a',
    '  classDef table fill:#f3eefb,stroke:#7a5ba6',
    '  classDef view fill:#f6f6f6,stroke:#888888',
  );
  return `${lines.join('\n')}\n`;
}

const DOT_SHAPES = { source: 'cylinder', seed: 'note', model: 'box' } as const;

/** Graphviz DOT, left to right; every id is quoted, so no name can clash with a DOT keyword. */
export function toDot(lineage: Lineage): string {
  const lines = ['digraph lineage {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=11];'];
  for (const node of lineage.nodes) {
    const extra = node.kind === 'model' ? `, tooltip="${node.materialized}: ${node.path}"` : node.kind === 'source' ? `, tooltip="${node.odooModel}"` : '';
    lines.push(`  "${node.id}" [shape=${DOT_SHAPES[node.kind]}${extra}];`);
  }
  for (const edge of lineage.edges) lines.push(`  "${edge.from}" -> "${edge.to}";`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
