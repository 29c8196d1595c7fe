/** `elt dag` on the command line: no database needed, so a unit test. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectDir, runCliInProcess } from '../support/cli.ts';

const dirs: string[] = [];
const files = {
  // This project's graph alone, without the default warehouse under it.
  'elt.yml': 'default_models: false\n',
  'sql/staging/stg_orders.sql': "select o.id from {{ source('pos.order') }} as o",
  'sql/marts/fact_y.sql': "-- unique_key: id\nselect l.id from {{ source('pos.order.line') }} as l join {{ ref('stg_orders') }} as o on o.id = l.id",
};

function dir(): string {
  const d = projectDir(files);
  dirs.push(d);
  return d;
}
function elt(argv: string[], cwd: string) {
  return runCliInProcess(['dag', ...argv], { LOG_LEVEL: 'silent' }, cwd);
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('elt dag', () => {
  it('prints Mermaid by default and DOT on request, for the selection', async () => {
    const cwd = dir();
    const mermaid = await elt([], cwd);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.split('\n').slice(0, 7)).toEqual([
      'flowchart LR',
      '  raw_pos_order[("raw_pos_order")]:::source',
      '  raw_pos_order_line[("raw_pos_order_line")]:::source',
      '  stg_orders["stg_orders"]:::view',
      '  fact_y["fact_y"]:::incremental',
      '  raw_pos_order --> stg_orders',
      '  raw_pos_order_line --> fact_y',
    ]);
    const dot = await elt(['--format', 'dot', '--select', 'fact_y'], cwd);
    expect(dot).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'digraph lineage {',
        '  rankdir=LR;',
        '  node [fontname="Helvetica", fontsize=11];',
        '  "raw_pos_order_line" [shape=cylinder, tooltip="pos.order.line"];',
        '  "stg_orders" [shape=box, tooltip="view: sql/staging/stg_orders.sql"];',
        '  "fact_y" [shape=box, tooltip="incremental: sql/marts/fact_y.sql"];',
        '  "raw_pos_order_line" -> "fact_y";',
        '  "stg_orders" -> "fact_y";',
        '}',
        '',
      ].join('\n'),
    });
  });

  it('writes a file with --output', async () => {
    const cwd = dir();
    expect(await elt(['--output', 'graph.mmd'], cwd)).toEqual({ code: 0, stderr: '', stdout: 'wrote graph.mmd: 4 nodes, 3 edges (mermaid)\n' });
    expect(readFileSync(join(cwd, 'graph.mmd'), 'utf8')).toBe((await elt([], cwd)).stdout);
  });

  it('the default project, from the repository', async () => {
    const out = await elt(['--select', '+fact_sales_lines'], process.cwd());
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('\n  raw_pos_order_line --> fact_sales_lines\n');
    expect(out.stdout).toContain('\n  dim_products --> fact_sales_lines\n');
    expect(out.stdout).not.toContain('fact_stock');
  });

  it('bad input is one line, exit 2', async () => {
    const cwd = dir();
    expect(await elt(['--format', 'svg'], cwd)).toEqual({ code: 2, stdout: '', stderr: 'elt dag: --format must be one of mermaid, dot, not "svg"\n' });
    expect(await elt(['--formt', 'dot'], cwd)).toEqual({ code: 2, stdout: '', stderr: 'elt dag: unknown option --formt: did you mean --format? (see elt dag --help)\n' });
    expect(await elt(['--select', 'fact_z'], cwd)).toEqual({ code: 2, stdout: '', stderr: 'elt dag: unknown model "fact_z" in --select: did you mean fact_y?\n' });
    expect(await elt(['--output', join(cwd, 'no', 'such', 'dir', 'x.mmd')], cwd)).toMatchObject({ code: 2, stdout: '' });
    const help = await elt(['--help'], cwd);
    expect(help.code).toBe(0);
    expect(help.stdout + help.stderr).toContain('elt dag --select fact_sales --output lineage.mmd');
    // The page is elt docs' now.
    expect(await elt(['--format', 'html'], cwd)).toMatchObject({ code: 2, stderr: 'elt dag: --format must be one of mermaid, dot, not "html"\n' });
  });
});
