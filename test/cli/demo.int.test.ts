/**
 * `elt demo` as a newcomer runs it: twice on one folder, as real processes,
 * with no PostgreSQL and no Odoo configured. The figures it prints are
 * checked against the same simulated company computed here straight from
 * the simulator's records; the second run must be incremental.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startDemoOdoo, ORDERS_PER_RUN } from '../../src/demo/demo-odoo.ts';
import type { RecordValues } from '../../src/simulator/model-def.ts';
import type { Simulator } from '../../src/simulator/server.ts';
import { runCliInProcess, spawnElt } from '../support/cli.ts';
import { machineEnv } from '../support/machine-env.ts';

const repo = new URL('../..', import.meta.url).pathname;
const bin = new URL('../../bin/elt.mjs', import.meta.url).pathname;
/** The working directory of the demo runs, outside the repository: the demo needs no project files. */
const work = mkdtempSync(join(tmpdir(), 'elt-demo-test-'));
// As root the demo's PostgreSQL runs as an unprivileged user, which must reach the folder.
chmodSync(work, 0o755);
const dir = join(work, '.elt-demo');
const POS_STREAMS = ['pos.order', 'pos.order.line', 'pos.payment', 'pos.session', 'pos.config'];

interface Expected {
  readonly orders: number;
  readonly lines: number;
  readonly payments: number;
  readonly sales: number;
  readonly branches: Array<{ name: string; orders: number; revenue: number }>;
  readonly products: Array<{ name: string; qty: number; revenue: number }>;
}

/** The company as the demo's simulator holds it after these runs, and the figures the demo must print for it. */
async function expected(): Promise<Expected> {
  const runs = (JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')) as { runs: string[] }).runs.map((r) => new Date(r));
  const sim = await startDemoOdoo(runs);
  try {
    const all = (model: string) => sim.store.search(model, [], { activeTest: false }).map((id) => sim.store.get(model, id)!);
    const since = runs.at(-1)!.getTime() - 7 * 86_400_000;
    const sold = all('pos.order').filter((o) => ['paid', 'done', 'invoiced'].includes(o.state as string) && Date.parse(`${o.date_order as string}Z`) >= since);
    const branches = group(sold, (o) => name(sim, 'pos.config', o.config_id), (o) => [1, o.amount_total as number]);
    const soldIds = new Set(sold.map((o) => o.id));
    const lines = all('pos.order.line').filter((l) => soldIds.has(l.order_id as number) && l.is_reward_line !== true);
    const template = (l: RecordValues) => name(sim, 'product.template', sim.store.get('product.product', l.product_id as number)!.product_tmpl_id);
    const products = group(lines, template, (l) => [l.qty as number, l.price_subtotal_incl as number]).slice(0, 5);
    return {
      orders: sim.store.size('pos.order'), lines: sim.store.size('pos.order.line'), payments: sim.store.size('pos.payment'),
      sales: sim.store.size('pos.order') + sim.store.size('sale.order'),
      branches: branches.map(([n, orders, revenue]) => ({ name: n, orders, revenue })),
      products: products.map(([n, qty, revenue]) => ({ name: n, qty, revenue })),
    };
  } finally {
    await sim.close();
  }
}

/** Sums two measures per key; ordered by the second, descending, as the demo orders its figures. */
function group(rows: RecordValues[], key: (r: RecordValues) => string, measures: (r: RecordValues) => [number, number]): Array<[string, number, number]> {
  const sums = new Map<string, [number, number]>();
  for (const row of rows) {
    const [a, b] = measures(row);
    const sum = sums.get(key(row)) ?? [0, 0];
    sums.set(key(row), [sum[0] + a, sum[1] + b]);
  }
  return [...sums].map(([k, [a, b]]): [string, number, number] => [k, a, Math.round(b * 100) / 100]).sort((x, y) => y[2] - x[2]);
}

function name(sim: Simulator, model: string, id: unknown): string {
  return sim.store.get(model, id as number)!.name as string;
}

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (n: number) => n.toLocaleString('en-US');

/** The stream's summary line: [records, changed]. */
function extracted(stdout: string, stream: string): [number, number] {
  const match = new RegExp(`^ {2}OK {4}${escape(stream)} +([\\d,]+) records?, ([\\d,]+) changed`, 'm').exec(stdout);
  expect(match, `a success line for ${stream}`).not.toBeNull();
  return [Number(match![1]!.replaceAll(',', '')), Number(match![2]!.replaceAll(',', ''))];
}

function modelRows(stdout: string, model: string): number {
  const match = new RegExp(`^ {2}OK {4}${model} +(?:incremental|table) +([\\d,]+) rows?`, 'm').exec(stdout);
  expect(match, `a success line for ${model}`).not.toBeNull();
  return Number(match![1]!.replaceAll(',', ''));
}

/** The branch and product lines, in the order printed, must be exactly these. */
function expectFigures(stdout: string, want: Expected): void {
  const positions = [
    ...want.branches.map((b) => new RegExp(`^  ${escape(b.name)} +${count(b.orders)} +${escape(money(b.revenue))}$`, 'm')),
    ...want.products.map((p) => new RegExp(`^  ${escape(p.name)} +${escape(count(p.qty))} +${escape(money(p.revenue))}$`, 'm')),
  ].map((line) => {
    const at = stdout.search(line);
    expect(at, `${line} in the output`).toBeGreaterThan(0);
    return at;
  });
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  // The tables are printed in two columns.
  expect(stdout).toMatch(new RegExp(`^  .*\\bfact_sales +${escape(count(want.sales))}(?: |$)`, 'm'));
}

/** The receivables section, last of the figures: its header, the five age buckets and their total, which must add up. */
function receivables(stdout: string): { customers: number; asOf: string; cents: number[] } {
  const match = /^Receivables by days past due, ([\d,]+) customers, as of (\d{4}-\d\d-\d\d):\n {2}( *current +1-30 days +31-60 +61-90 +over 90 +total)\n {2}(.+)$/m.exec(stdout);
  expect(match, `the receivables section in\n${stdout}`).not.toBeNull();
  const [, customers, asOf, labels, values] = match!;
  expect(labels!.length).toBe(values!.length); // the figures right-aligned under their labels
  expect(values).toMatch(/^ *(-?[\d,]+\.\d\d +){5}-?[\d,]+\.\d\d$/);
  const cents = values!.trim().split(/ +/).map((v) => Math.round(Number(v.replaceAll(',', '')) * 100));
  expect(cents).toHaveLength(6);
  expect(cents.slice(0, 5).reduce((a, b) => a + b, 0)).toBe(cents[5]);
  expect(new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10)).toBe(asOf); // a real calendar day
  return { customers: Number(customers!.replaceAll(',', '')), asOf: asOf!, cents };
}

describe('elt demo', () => {
  let first = { code: -1, stdout: '', stderr: '' };
  let firstExpected: Expected;

  it('builds the warehouse from nothing: every stream, model and data test, then the figures', async () => {
    first = await spawnElt(['demo'], { LOG_LEVEL: 'warn' }, work);
    expect(first.stderr).not.toMatch(/"level":(50|60)/);
    expect(first.code).toBe(0);
    firstExpected = await expected();
    expect(first.stdout).toMatch(/^elt demo: a simulated Odoo 17 retail company \(1,500 POS orders, 200 sale orders\) into PostgreSQL 18\.\d+, kept in \.elt-demo\/$/m);
    expect(first.stdout).toMatch(/^41 streams: 38 ok, 3 skipped; /m);
    expect(first.stdout).toMatch(/^32 models: 32 ok; /m);
    expect(first.stdout).toMatch(/^\d+ tests: \d+ passed, 0 failed$/m);
    expect(extracted(first.stdout, 'pos.order')).toEqual([firstExpected.orders, firstExpected.orders]);
    expect(extracted(first.stdout, 'pos.order.line')).toEqual([firstExpected.lines, firstExpected.lines]);
    expect(modelRows(first.stdout, 'fact_sales')).toBe(firstExpected.sales);
    expectFigures(first.stdout, firstExpected);
    const owed = receivables(first.stdout);
    expect(owed.customers).toBeGreaterThan(0);
    expect(first.stdout.indexOf('Receivables by days past due')).toBeGreaterThan(first.stdout.indexOf('Top 5 products in the POS'));
    expect(first.stdout).toContain('  DATABASE_URL=postgres://elt@127.0.0.1:5432/warehouse');
    expect(existsSync(join(dir, 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dir, 'demo.lock'))).toBe(false);
  });

  it('runs incrementally the second time: only the new orders change', async () => {
    const second = await spawnElt(['demo'], { LOG_LEVEL: 'warn' }, work);
    expect(second.code).toBe(0);
    const want = await expected();
    expect(second.stdout).toMatch(new RegExp(`^elt demo: run 2, kept in \\.elt-demo/: the simulated shops rang up ${ORDERS_PER_RUN} POS orders since the last run`, 'm'));
    const newLines = want.lines - firstExpected.lines;
    expect(want.orders - firstExpected.orders).toBe(ORDERS_PER_RUN);
    expect(newLines).toBeGreaterThan(ORDERS_PER_RUN);
    expect(extracted(second.stdout, 'pos.order')[1]).toBe(ORDERS_PER_RUN);
    expect(extracted(second.stdout, 'pos.order.line')[1]).toBe(newLines);
    expect(extracted(second.stdout, 'pos.payment')[1]).toBe(want.payments - firstExpected.payments);
    expect(extracted(second.stdout, 'pos.session')[1]).toBe(1); // the session the new orders were rung up in
    // The shop's session_ids list grew without a write_date (as in Odoo): the window follows Odoo's clock, so the
    // shop's old record is not re-read; a one2many list lands with --full-refresh (README, "Records Odoo changes ...").
    expect(extracted(second.stdout, 'pos.config')[1]).toBe(0);
    const streams = [...second.stdout.matchAll(/^ {2}OK {4}([a-z_]+\.[a-z_.]+) +/gm)].map((m) => m[1]!);
    expect(streams).toHaveLength(38);
    for (const stream of streams.filter((s) => !POS_STREAMS.includes(s))) expect(extracted(second.stdout, stream)[1], stream).toBe(0);
    expect(modelRows(second.stdout, 'fact_sales')).toBe(ORDERS_PER_RUN);
    expect(modelRows(second.stdout, 'fact_sales_lines')).toBe(newLines);
    for (const model of ['dim_products', 'dim_customers', 'fact_purchase_lines']) expect(modelRows(second.stdout, model), model).toBe(0);
    expect(want.sales).toBe(firstExpected.sales + ORDERS_PER_RUN);
    expectFigures(second.stdout, want);
  });

  it("runs a project's hash_fields with no ELT_HASH_KEY set (a fixed demo key: the data is simulated)", async () => {
    const project = join(work, 'hashing');
    mkdirSync(project);
    writeFileSync(join(project, 'elt.yml'), 'streams:\n  res.partner:\n    hash_fields: [email, phone]\n');
    const run = await spawnElt(['demo'], { LOG_LEVEL: 'warn', ELT_HASH_KEY: '' }, project);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^41 streams: 38 ok, 3 skipped; /m);
    expect(run.stdout).not.toContain('ELT_HASH_KEY');
    // Another key for the same folder: that stream is refused, and the end repeats its whole line.
    const rekeyed = await spawnElt(['demo'], { LOG_LEVEL: 'warn', ELT_HASH_KEY: 'another-key-of-32-characters-xx' }, project);
    expect(rekeyed.code).toBe(1);
    expect(rekeyed.stdout).toMatch(
      /^1 failed:\n {2}res\.partner: ELT_HASH_KEY \(or hash_fields\) changed since the stream was landed: elt extract --full-refresh --streams res\.partner re-lands it with the new key\nDone in \d+\.\d s with 1 failure\.$/m,
    );
  });

  it('refuses bad flags, a folder that is not a demo and a folder another demo is using (exit 2)', async () => {
    const bogus = await runCliInProcess(['demo', '--fast'], { LOG_LEVEL: 'silent' }, repo);
    expect(bogus).toMatchObject({ code: 2, stderr: 'elt demo: unknown option --fast (see elt demo --help)\n' });
    const other = join(work, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    const taken = await runCliInProcess(['demo', '--dir', other], { LOG_LEVEL: 'silent' }, repo);
    expect(taken).toMatchObject({ code: 2, stderr: `elt demo: ${other} is not empty and holds no elt demo: pick another --dir\n` });
    // A live process (the test runner's parent) holds the lock.
    writeFileSync(join(dir, 'demo.lock'), String(process.ppid));
    const busy = await runCliInProcess(['demo', '--dir', dir], { LOG_LEVEL: 'silent' }, repo);
    expect(busy).toMatchObject({ code: 2, stderr: `elt demo: another elt demo (process ${process.ppid}) is using ${dir}: wait for it to end\n` });
    expect((JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')) as { runs: string[] }).runs).toHaveLength(2);
  });

  it('--serve keeps the warehouse up for any client until Ctrl-C, then stops it and exits 0', async () => {
    rmSync(join(dir, 'demo.lock')); // the live holder the test before planted
    const child = spawn(process.execPath, [bin, 'demo', '--serve'], { cwd: work, env: { ...machineEnv(), LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const match = /^The demo warehouse is up at (postgres:\/\/\S+) until Ctrl-C:$/m.exec(stdout);
        if (match) resolve(match[1]!);
      });
      void exited.then(() => reject(new Error(`elt demo --serve exited early:\n${stdout}${stderr}`)));
    });
    const want = await expected();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from fact_sales');
    // The receivables this run printed are aging_by_partner's, as of the date its transform ran.
    const aging = await client.query<{ as_of: string; customers: number; total: string }>(
      `select as_of::text, count(*)::int as customers, sum(total)::numeric(14, 2)::text as total from aging_by_partner where kind = 'receivable' group by as_of`,
    );
    await client.end();
    expect(rows[0]!.n).toBe(want.sales);
    const owed = receivables(stdout);
    expect(aging.rows).toEqual([{ as_of: owed.asOf, customers: owed.customers, total: (owed.cents[5]! / 100).toFixed(2) }]);
    expect(existsSync(join(dir, 'demo.lock'))).toBe(true); // still the demo's while it serves
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^Stopping the demo warehouse\.$/m);
    expect(stdout).not.toContain('To load your own Odoo'); // the serving lines replace the next steps
    expect(existsSync(join(dir, 'demo.lock'))).toBe(false);
    const gone = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    gone.on('error', () => {});
    await expect(gone.connect()).rejects.toThrow();
  });
});
