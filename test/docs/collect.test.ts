/** The site's data without a database: pages from the project's files, the graph's layout, the page's escaping, the last run's results. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collectProject, modelKind } from '../../src/docs/collect.ts';
import { readLastRun } from '../../src/docs/last-run.ts';
import { layoutGraph, ranks } from '../../src/docs/layout.ts';
import { DOC_KINDS } from '../../src/docs/manifest.ts';
import { renderSite, scriptJson } from '../../src/docs/render-html.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';
import { loadProject } from '../../src/transform/project.ts';
import { loadSingularTests } from '../../src/transform/singular-tests.ts';

const repoDir = fileURLToPath(new URL('../..', import.meta.url));
const streams = BUILTIN_STREAMS.map((s) => s.model);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function defaultWarehouse() {
  const project = loadProject(repoDir, streams);
  return collectProject({ project, streams, enabledStreams: new Set(streams.filter((s) => s !== 'uom.uom')), singularTests: loadSingularTests(project, {}), vars: {} });
}

describe('the pages of the default warehouse', () => {
  const { nodes, edges } = defaultWarehouse();
  const byId = new Map(nodes.map((n) => [n.id, n]));

  it('every model, stream, staging view and seed, each with a description', () => {
    expect(nodes.filter((n) => n.id.startsWith('model/'))).toHaveLength(32);
    expect(nodes.filter((n) => n.kind === 'stream')).toHaveLength(41);
    expect(nodes.filter((n) => n.kind === 'staging')).toHaveLength(41);
    expect(nodes.filter((n) => n.kind === 'seed').map((n) => n.name)).toEqual(['seed_branch_codes', 'seed_sale_channel_rules']);
    expect(nodes.filter((n) => !n.description).map((n) => n.id)).toEqual([]);
    expect(byId.get('stream/pos.order')!.description).toBe('Odoo model pos.order landed as raw_pos_order.');
    expect(byId.get('stream/pos.promotion')!.description).toBe('Odoo model pos.promotion landed as raw_pos_promotion. Optional: only on instances that have its module.');
    expect(byId.get('stream/uom.uom')!.description).toMatch(/Turned off in elt\.yml/);
    expect(byId.get('model/fact_sales')!.description).toMatch(/^One row per POS order or sale order/);
  });

  it("fact_sales's page: its inputs, tests (declared and singular) and SQL in its full form without a warehouse", () => {
    const sales = byId.get('model/fact_sales')!;
    expect(sales).toMatchObject({ kind: 'fact', materialized: 'incremental', uniqueKey: ['source', 'order_id'], tags: ['sales'], path: 'sql/marts/fact_sales.sql', columns: null, built: null });
    expect(edges.filter((e) => e.to === sales.id).map((e) => e.from).sort()).toEqual([
      'model/dim_branches', 'model/dim_customers', 'model/dim_employees', 'model/dim_teams', 'model/dim_users',
      'seed/seed_sale_channel_rules', 'staging/stg_crm_team', 'staging/stg_pos_order', 'staging/stg_pos_session', 'staging/stg_res_partner',
      'staging/stg_sale_order',
    ]);
    expect(sales.tests.map((t) => t.name)).toContain('fact_sales.customer_id relationships(dim_customers.customer_id)');
    expect(sales.tests.find((t) => t.name === 'pos_order_totals')).toMatchObject({ kind: 'singular', path: 'sql/tests/pos_order_totals.sql', status: null });
    expect(sales.sql).toContain('from "stg_pos_order" as o');
    expect(sales.sqlNote).toMatch(/full form/);
  });

  it('kinds: dim_ and fact_ by name, snapshots by materialization, the rest the user\'s own', () => {
    expect(modelKind({ name: 'dim_x', materialized: 'table' })).toBe('dimension');
    expect(modelKind({ name: 'snap_x', materialized: 'snapshot' })).toBe('snapshot');
    expect(modelKind({ name: 'stg_x', materialized: 'view', folders: ['staging'] })).toBe('staging');
    expect(modelKind({ name: 'payments_by_method', materialized: 'table' })).toBe('model');
  });

  it('the layout: every edge goes left to right, each kind in its column, inside the drawing', () => {
    const layout = layoutGraph(nodes, edges);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(layout.nodes).toHaveLength(nodes.length);
    expect(layout.edges).toHaveLength(edges.length);
    for (const e of layout.edges) {
      expect(at.get(e.from)!.rank, `${e.from} -> ${e.to}`).toBeLessThan(at.get(e.to)!.rank);
      expect(at.get(e.from)!.x).toBeLessThan(at.get(e.to)!.x);
      expect(e.points.length).toBeGreaterThanOrEqual(2);
    }
    const xs = (kind: string) => nodes.filter((n) => n.kind === kind).map((n) => at.get(n.id)!.x);
    expect(Math.max(...xs('stream'))).toBeLessThan(Math.min(...xs('staging')));
    expect(Math.max(...xs('staging'))).toBeLessThan(Math.min(...xs('dimension'), ...xs('snapshot')));
    expect(Math.max(...xs('dimension'), ...xs('snapshot'))).toBeLessThan(Math.min(...xs('fact')));
    for (const n of layout.nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
    }
    // Wider than tall enough to be read when fitted into a browser window.
    expect(layout.width / layout.height).toBeGreaterThan(0.8);
  });

  it('ranks: a node one column past its rightmost input, however its kind is placed', () => {
    const r = ranks(
      [{ id: 'a', kind: 'stream' }, { id: 'b', kind: 'fact' }, { id: 'c', kind: 'dimension' }, { id: 'd', kind: 'model' }],
      [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'd' }],
    );
    expect(Object.fromEntries(r)).toEqual({ a: 0, b: 3, c: 4, d: 5 });
    expect(DOC_KINDS).toEqual(['stream', 'staging', 'seed', 'dimension', 'snapshot', 'fact', 'model']);
  });
});

describe('the page', () => {
  it('embeds the manifest so no string can close its script element, and loads nothing from outside', () => {
    expect(scriptJson({ d: '</script><img src=x onerror=alert(1)>\u2028' })).toBe('{"d":"\\u003c/script>\\u003cimg src=x onerror=alert(1)>\\u2028"}');
    const { nodes, edges } = defaultWarehouse();
    const html = renderSite({
      generatedAt: '2026-01-01T00:00:00Z', version: '0.1.0', project: '<proj>', warehouse: { read: false, note: 'DATABASE_URL is not set' }, runResults: null,
      nodes: [{ ...nodes[0]!, description: '</script><script>alert(1)</script>' }, ...nodes.slice(1)], edges, layout: layoutGraph(nodes, edges),
    });
    expect(html).toContain('<title>&#60;proj&#62; · odoo-elt docs</title>');
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the manifest's and the site script's own
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)|https?:\/\/(?!www\.w3\.org)/);
  });
});

describe('the last run', () => {
  it("reads run_results.json's tests, models and streams; a missing or broken file is none", () => {
    const dir = mkdtempSync(join(tmpdir(), 'elt-docs-'));
    dirs.push(dir);
    expect(readLastRun(dir)).toBeNull();
    mkdirSync(join(dir, 'target'));
    writeFileSync(join(dir, 'target/run_results.json'), '{not json');
    expect(readLastRun(dir)).toBeNull();
    writeFileSync(join(dir, 'target/run_results.json'), JSON.stringify({
      metadata: { command: 'run', generated_at: '2026-01-01T00:00:00.000Z' },
      results: [
        { unique_id: 'model.fact_sales', status: 'success', execution_time: 0.25, timing: [{ name: 'execute', started_at: '2026-01-01T00:00:00.000Z' }], adapter_response: { rows_affected: 12 }, message: null },
        { unique_id: 'test.fact_sales.order_id not_null', status: 'fail', failures: 2, message: '2 failing rows' },
        { unique_id: 'test.odd', status: 'weird' },
      ],
      streams: [{ stream: 'pos.order', status: 'success', fetched: 5, changed: 3, deleted: 0, execution_time: 0.4 }],
    }));
    const last = readLastRun(dir)!;
    expect(last.command).toBe('run');
    expect(Object.fromEntries(last.tests)).toEqual({ 'fact_sales.order_id not_null': { status: 'fail', failures: 2, message: '2 failing rows' } });
    expect(last.models.get('fact_sales')).toEqual({ status: 'success', seconds: 0.25, rows: 12, message: null, startedAt: '2026-01-01T00:00:00.000Z' });
    expect(last.streams.get('pos.order')).toEqual({ status: 'success', fetched: 5, changed: 3, deleted: 0, seconds: 0.4 });
  });
});
