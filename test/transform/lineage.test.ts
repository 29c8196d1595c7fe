import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLineage, toDot, toMermaid } from '../../src/transform/lineage.ts';
import { loadProject, type Project } from '../../src/transform/project.ts';
import { parseProjectConfig } from '../../src/extract/project-config.ts';
import { streamNames } from '../../src/extract/streams.ts';

const dirs: string[] = [];
const repoDir = fileURLToPath(new URL('../..', import.meta.url));

function project(files: Record<string, string>): Project {
  const dir = mkdtempSync(join(tmpdir(), 'elt-lineage-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return loadProject(dir);
}
function all(p: Project): Set<string> {
  return new Set(p.models.map((m) => m.name));
}

const small = {
  'sql/staging/stg_orders.sql': "select o.id from {{ source('pos.order') }} as o",
  'sql/marts/dim_x.sql': "-- materialized: table\nselect p.id, c.code from {{ source('res.partner') }} as p cross join {{ ref('seed_codes') }} as c",
  'sql/marts/fact_y.sql':
    "-- unique_key: id\n-- references: x_id -> dim_x.id\nselect l.id from {{ source('pos.order.line') }} as l join {{ ref('stg_orders') }} as o on o.id = l.id where {{ changed(l) }}",
  'sql/seeds/codes.csv': 'code\nA\n',
};

const CLASSES = [
  '  classDef source fill:#eef4fb,stroke:#5b7fa6',
  '  classDef seed fill:#fdf6e3,stroke:#b58900',
  '  classDef incremental fill:#eaf7ee,stroke:#3c8d5a',
  '  classDef table fill:#f3eefb,stroke:#7a5ba6',
  '  classDef view fill:#f6f6f6,stroke:#888888',
];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the lineage graph', () => {
  it('as Mermaid: sources, seeds, then models in run order, and one edge per input', () => {
    const p = project(small);
    expect(toMermaid(buildLineage(p, all(p)))).toBe(
      [
        'flowchart LR',
        '  raw_pos_order[("raw_pos_order")]:::source',
        '  raw_pos_order_line[("raw_pos_order_line")]:::source',
        '  raw_res_partner[("raw_res_partner")]:::source',
        '  seed_codes[/"seed_codes"/]:::seed',
        '  dim_x["dim_x"]:::table',
        '  stg_orders["stg_orders"]:::view',
        '  fact_y["fact_y"]:::incremental',
        '  raw_res_partner --> dim_x',
        '  seed_codes --> dim_x',
        '  raw_pos_order --> stg_orders',
        '  dim_x --> fact_y',
        '  raw_pos_order_line --> fact_y',
        '  stg_orders --> fact_y',
        ...CLASSES,
        '',
      ].join('\n'),
    );
  });

  it('as DOT, every id quoted; dim_x, read by fact_y, comes along unselected', () => {
    const p = project(small);
    expect(toDot(buildLineage(p, new Set(['fact_y', 'stg_orders'])))).toBe(
      [
        'digraph lineage {',
        '  rankdir=LR;',
        '  node [fontname="Helvetica", fontsize=11];',
        '  "raw_pos_order" [shape=cylinder, tooltip="pos.order"];',
        '  "raw_pos_order_line" [shape=cylinder, tooltip="pos.order.line"];',
        '  "dim_x" [shape=box, tooltip="table: sql/marts/dim_x.sql"];',
        '  "stg_orders" [shape=box, tooltip="view: sql/staging/stg_orders.sql"];',
        '  "fact_y" [shape=box, tooltip="incremental: sql/marts/fact_y.sql"];',
        '  "raw_pos_order" -> "stg_orders";',
        '  "dim_x" -> "fact_y";',
        '  "raw_pos_order_line" -> "fact_y";',
        '  "stg_orders" -> "fact_y";',
        '}',
        '',
      ].join('\n'),
    );
  });

  it("a selected model comes with the models it reads, without their inputs; a Mermaid keyword as a name gets another id", () => {
    const p = project({ ...small, 'sql/marts/end.sql': "-- materialized: table\nselect id from {{ ref('fact_y') }}" });
    expect(toMermaid(buildLineage(p, new Set(['end']))).split('\n').slice(0, 4)).toEqual(['flowchart LR', '  fact_y["fact_y"]:::incremental', '  end_["end"]:::table', '  fact_y --> end_']);
    expect(toMermaid(buildLineage(p, new Set(['fact_y', 'end'])))).toContain('\n  fact_y --> end_\n');
  });

  it('a model selected alone keeps its parent models as nodes with their edges into it; a child outside the selection is left out', () => {
    const p = project({ ...small, 'sql/marts/end.sql': "-- materialized: table\nselect id from {{ ref('fact_y') }}" });
    const lineage = buildLineage(p, new Set(['fact_y']));
    expect(lineage.nodes.map((n) => n.id)).toEqual(['raw_pos_order_line', 'dim_x', 'stg_orders', 'fact_y']);
    expect(lineage.edges).toEqual([
      { from: 'dim_x', to: 'fact_y' },
      { from: 'raw_pos_order_line', to: 'fact_y' },
      { from: 'stg_orders', to: 'fact_y' },
    ]);
    // The parents' own inputs (raw_res_partner, seed_codes, raw_pos_order) stay out: +fact_y shows them.
    expect(buildLineage(p, new Set(['fact_y', 'dim_x', 'stg_orders'])).nodes.map((n) => n.id)).toContain('seed_codes');
  });

  it('the default warehouse: raw streams through the dimensions to the facts', () => {
    // With the streams, as the CLI loads it: the staging views the marts read resolve to their raw tables.
    const p = loadProject(repoDir, streamNames(parseProjectConfig({}, 'test')));
    const text = toMermaid(buildLineage(p, all(p)));
    for (const edge of [
      'raw_pos_order_line --> fact_sales_lines',
      'raw_pos_order --> fact_sales',
      'raw_sale_order_line --> fact_sales_lines',
      'dim_products --> fact_sales_lines',
      'seed_sale_channel_rules --> fact_sales',
      'seed_branch_codes --> dim_branches',
      'raw_stock_quant --> fact_stock',
      'raw_purchase_order_line --> fact_purchase_lines',
    ]) {
      expect(text).toContain(`\n  ${edge}\n`);
    }
    expect(text).toContain('\n  fact_sales_lines["fact_sales_lines"]:::incremental\n');
  });
});
