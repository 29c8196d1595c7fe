/**
 * `elt test` on the default warehouse after a normal run on the simulator:
 * every declared test passes; rows broken behind the tool's back fail with
 * their exact line and sample; placeholders warn; bad input is exit 2.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { ownModelsOnly, projectDir, runCliInProcess, type CliOutcome } from '../support/cli.ts';
import { repoDir } from '../support/elt-process.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import { streamNames } from '../../src/extract/streams.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';
import { ensureRawTable } from '../../src/db/raw-tables.ts';
import { loadSeeds } from '../../src/transform/seeds.ts';
import { runTransform } from '../../src/transform/run-transform.ts';
import { loadProject } from '../../src/transform/project.ts';

let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
const dirs: string[] = [];
const TIME = String.raw`\d+\.\d s`;

function elt(argv: string[], cwd = repoDir): Promise<CliOutcome> {
  return runCliInProcess(['test', ...argv], { DATABASE_URL: db.url, LOG_LEVEL: 'silent' }, cwd);
}
async function one(sql: string, params: unknown[] = []): Promise<any> {
  return (await db.pool.query(sql, params)).rows[0];
}
/** The sql/tests files of the default project and the models each reads. */
const SINGULAR: Record<string, string[]> = {
  pos_order_totals: ['fact_sales', 'fact_sales_lines'],
  journal_entries_balance: ['fact_journal_items'],
};
/** Tests the default project declares (on one model, or all): header entries plus sql/tests files. */
function declared(model?: string): number {
  const project = loadProject(repoDir);
  const headers = project.models.filter((m) => !model || m.name === model).reduce((n, m) => n + m.tests.length, 0);
  return headers + Object.values(SINGULAR).filter((reads) => !model || reads.includes(model)).length;
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.3, seed: 11 });
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  for (const { model } of BUILTIN_STREAMS) await ensureRawTable(db.pool, model);
  const extracted = await runExtract(await connect(sim), db.pool, projectConfig(), {}, memoryLog());
  expect(extracted.filter((r) => r.status === 'failed')).toEqual([]);
  await loadSeeds(db.pool, join(repoDir, 'sql', 'seeds'));
  const built = await runTransform(db.pool, { projectDir: repoDir, streams: streamNames(projectConfig()) }, memoryLog());
  expect(built.filter((r) => r.status !== 'success')).toEqual([]);
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('elt test on the default warehouse', () => {
  it('passes every declared test after a normal run: counted, and listed with --verbose', async () => {
    const quiet = await elt([]);
    expect(quiet).toMatchObject({ code: 0, stderr: '', stdout: `${declared()} tests: ${declared()} passed, 0 failed\n` });
    const out = await elt(['--verbose']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    const n = declared();
    expect(lines).toHaveLength(n + 2);
    for (const line of lines.slice(0, n)) expect(line).toMatch(new RegExp(`^PASS  \\S.* 0 failures  ${TIME}$`));
    for (const test of Object.keys(SINGULAR)) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^PASS  ${test} +0 failures  ${TIME}$`)));
    expect(lines.slice(n)).toEqual(['', `${n} tests: ${n} passed, 0 failed`]);
  });

  it('a line moved to an unknown product fails its relationship test, with the line in the sample', async () => {
    const { line_id: lineId } = await one(`select min(line_id)::int as line_id from fact_sales_lines where source = 'pos'`);
    const before = await one(`update fact_sales_lines set product_id = 999999 where source = 'pos' and line_id = $1
                              returning (select product_id from fact_sales_lines where source = 'pos' and line_id = $1)::int as product_id`, [lineId]);
    try {
      const out = await elt(['--select', 'fact_sales_lines']);
      expect(out.code).toBe(1);
      const lines = out.stdout.trimEnd().split('\n');
      const failing = lines.filter((l) => !l.startsWith('PASS  '));
      const width = Math.max('line_id'.length, String(lineId).length);
      expect(failing[0]).toMatch(new RegExp(`^FAIL  fact_sales_lines\\.product_id relationships\\(dim_products\\.product_id\\) +1 failure  ${TIME}$`));
      const n = declared('fact_sales_lines');
      expect(failing.slice(1)).toEqual([
        '',
        'fact_sales_lines.product_id relationships(dim_products.product_id): 1 failing row (sql/marts/fact_sales_lines.sql)',
        `  source  ${'line_id'.padEnd(width)}  product_id`,
        `  pos     ${String(lineId).padEnd(width)}  999999`,
        '',
        `${n} tests: ${n - 1} passed, 1 failed`,
      ]);
    } finally {
      await db.pool.query(`update fact_sales_lines set product_id = $2 where source = 'pos' and line_id = $1`, [lineId, before.product_id]);
    }
  });

  it('a POS order whose lines no longer add up fails the singular test', async () => {
    const order = await one(`select order_id::int, order_ref, amount_total::text from fact_sales where source = 'pos' and amount_total > 0 order by order_id limit 1`);
    await db.pool.query(`update fact_sales set amount_total = amount_total + 1 where source = 'pos' and order_id = $1`, [order.order_id]);
    try {
      const out = await elt(['--select', 'fact_sales', '--exclude', 'fact_sales_lines']);
      // Excluding fact_sales_lines leaves out the singular test, which reads it.
      expect(out.stdout).not.toContain('pos_order_totals');
      const all = await elt(['--select', 'fact_sales']);
      expect(all.code).toBe(1);
      const lines = all.stdout.trimEnd().split('\n');
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^FAIL  pos_order_totals +1 failure  ${TIME}$`)));
      const total = (Number(order.amount_total) + 1).toFixed(2);
      const header = lines.indexOf('pos_order_totals: 1 failing row (sql/tests/pos_order_totals.sql)');
      expect(header).toBeGreaterThan(0);
      const [columns, row] = lines.slice(header + 1, header + 3).map((l) => l.trim().split(/ {2,}/));
      expect(columns).toEqual(['order_id', 'order_ref', 'amount_total', 'lines_total']);
      expect(row).toEqual([String(order.order_id), order.order_ref, total, order.amount_total]);
    } finally {
      await db.pool.query(`update fact_sales set amount_total = amount_total - 1 where source = 'pos' and order_id = $1`, [order.order_id]);
    }
  });

  it('a relationship resolved by a placeholder row passes with a warning count', async () => {
    const { customer_id: customerId, orders, lines } = await one(`
      select customer_id::int, count(*)::int as orders,
             (select count(*)::int from fact_sales_lines as l where l.customer_id = s.customer_id) as lines
        from fact_sales as s where customer_id is not null group by customer_id order by count(*) desc, customer_id limit 1`);
    await db.pool.query(`update dim_customers set is_placeholder = true where customer_id = $1`, [customerId]);
    try {
      const out = await elt(['--select', 'dim_customers']);
      expect(out.code).toBe(0);
      const stdout = out.stdout.trimEnd().split('\n');
      const warned = (name: string, rows: number) =>
        new RegExp(`^PASS  ${name.replace(/[.()]/g, '\\$&')} +0 failures  ${TIME}  warning: ${rows === 1 ? '1 row points at a placeholder' : `${rows} rows point at placeholders`}$`);
      expect(stdout).toContainEqual(expect.stringMatching(warned('fact_sales.customer_id relationships(dim_customers.customer_id)', orders)));
      expect(stdout).toContainEqual(expect.stringMatching(warned('fact_sales_lines.customer_id relationships(dim_customers.customer_id)', lines)));
      expect(stdout[stdout.length - 1]).toMatch(/^\d+ tests: \d+ passed, 0 failed, 2 with placeholder warnings$/);
    } finally {
      await db.pool.query(`update dim_customers set is_placeholder = false where customer_id = $1`, [customerId]);
    }
  });

  it('a test naming an unknown column is one line, exit 2, before any test runs', async () => {
    const dir = projectDir(ownModelsOnly({ 'sql/marts/fact_sales.sql': '-- unique_key: source, order_id\n-- tests: amount_totl not_null\nselect 1 as order_id' }));
    dirs.push(dir);
    const out = await elt([], dir);
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr: 'elt test: sql/marts/fact_sales.sql: test "fact_sales.amount_totl not_null": fact_sales has no column amount_totl: did you mean amount_total, amount_tax?\n',
    });
  });

  it('usage: --help with examples, unknown flags and models are exit 2', async () => {
    const help = await elt(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout + help.stderr).toContain('elt test --select fact_sales_lines');
    expect(await elt(['--full-refresh'])).toMatchObject({ code: 2, stderr: 'elt test: unknown option --full-refresh (see elt test --help)\n' });
    expect(await elt(['--select', 'fact_sale_lines'])).toMatchObject({ code: 2, stderr: 'elt test: unknown model "fact_sale_lines" in --select: did you mean fact_sales_lines, fact_purchase_lines, marts.fact_sales_lines?\n' });
  });
});
