/**
 * Every script under examples/ run as a user runs it (`tsx`, its `odoo-elt`
 * import resolved to this checkout's sources), against a simulated Odoo and a
 * fresh warehouse: its output checked against what the simulator holds.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { projectDir } from '../support/cli.ts';
import { machineEnv } from '../support/machine-env.ts';
import { connect, SIM_NOW } from '../support/odoo.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let sim: Simulator;
let db: FreshDatabase;
const dirs: string[] = [];

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node --conditions=odoo-elt-source --import tsx examples/<script> args`, in `cwd`, with only the Odoo and warehouse settings. */
function example(script: string, args: string[], cwd = root, extra: Record<string, string> = {}): Promise<Outcome> & { child: ChildProcess } {
  const env = { ...machineEnv(), ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', LOG_LEVEL: 'silent', ...extra };
  const argv = ['--conditions=odoo-elt-source', '--import', 'tsx', join(root, 'examples', script), ...args];
  let child!: ChildProcess;
  const outcome = new Promise<Outcome>((resolve) => {
    child = execFile(process.execPath, argv, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (failure, stdout, stderr) => {
      resolve({ code: failure ? (typeof failure.code === 'number' ? failure.code : 1) : 0, stdout, stderr });
    });
  });
  return Object.assign(outcome, { child });
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 11 });
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('examples/stream-to-ndjson.ts', () => {
  it('writes every product, archived ones too, one JSON object a line in id order', async () => {
    const out = await example('stream-to-ndjson.ts', ['product.product', 'name,list_price,active']);
    expect(out.code, out.stderr).toBe(0);
    const rows = out.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: number; name: string; list_price: number; active: boolean });
    const odoo = await connect(sim);
    const expected = await odoo.searchRead('product.product', [], { fields: ['name', 'list_price', 'active'], order: 'id', context: { active_test: false } });
    expect(rows).toEqual(expected);
    expect(rows.some((r) => !r.active)).toBe(true);
    expect(out.stderr).toBe(`${expected.length} product.product records\n`);
  });

  it('takes every stored field but binaries when given none', async () => {
    const out = await example('stream-to-ndjson.ts', ['res.partner']);
    expect(out.code, out.stderr).toBe(0);
    const first = JSON.parse(out.stdout.split('\n', 1)[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['id', 'name', 'email', 'country_id', 'write_date']));
    expect(out.stdout.trimEnd().split('\n')).toHaveLength(sim.store.search('res.partner', [], { activeTest: false }).length);
  });

  it('says what is wrong in one line: no model, a model Odoo lacks, a missing setting', async () => {
    expect(await example('stream-to-ndjson.ts', [])).toEqual({ code: 2, stdout: '', stderr: 'usage: stream-to-ndjson.ts <model> [field,field,...]\n' });
    expect(await example('stream-to-ndjson.ts', ['no.such.model'])).toEqual({ code: 1, stdout: '', stderr: "stream-to-ndjson: Object no.such.model doesn't exist\n" });
    const unset = await example('stream-to-ndjson.ts', ['res.partner'], root, { ODOO_URL: '' });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/^stream-to-ndjson: missing setting ODOO_URL: set it in the environment or in \.env/);
  });
});

describe('examples/pos-sales-by-branch.ts', () => {
  /** The takings of one local day in Paris per shop, from the simulator's own records. */
  function expectedDay(day: string): Map<string, { orders: number; cents: number }> {
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });
    const branches = new Map<string, { orders: number; cents: number }>();
    for (const id of sim.store.search('pos.order', [['state', 'in', ['paid', 'done', 'invoiced']]], { order: 'id' })) {
      const order = sim.store.get('pos.order', id)!;
      if (local.format(new Date(`${String(order.date_order).replace(' ', 'T')}Z`)) !== day) continue;
      const session = sim.store.get('pos.session', order.session_id as number)!;
      const shop = String(sim.store.get('pos.config', session.config_id as number)!.name);
      const sums = branches.get(shop) ?? { orders: 0, cents: 0 };
      sums.orders += 1;
      sums.cents += Math.round(Number(order.amount_total) * 100);
      branches.set(shop, sums);
    }
    return branches;
  }

  it("sums a day's paid orders per shop, the day taken in the Odoo user's time zone", async () => {
    const day = '2026-11-06';
    const expected = expectedDay(day);
    expect(expected.size).toBeGreaterThan(1);
    const out = await example('pos-sales-by-branch.ts', [day]);
    expect(out.code, out.stderr).toBe(0);
    const [title, header, ...rows] = out.stdout.trimEnd().split('\n');
    expect(title).toBe(`POS sales on ${day} (Europe/Paris)`);
    expect(header!.split(/\s+/)).toEqual(['branch', 'orders', 'total']);
    const printed = rows.map((row) => /^(.+?)\s+(\d+)\s+(-?\d+\.\d\d)$/.exec(row)!.slice(1));
    const all = [...expected.values()].reduce((sum, s) => ({ orders: sum.orders + s.orders, cents: sum.cents + s.cents }), { orders: 0, cents: 0 });
    expect(printed).toEqual([
      ...[...expected].sort(([a], [b]) => a.localeCompare(b)).map(([shop, s]) => [shop, String(s.orders), (s.cents / 100).toFixed(2)]),
      ['all', String(all.orders), (all.cents / 100).toFixed(2)],
    ]);
  });

  it('takes another zone from ELT_TIMEZONE, and refuses a day that is not one', async () => {
    const out = await example('pos-sales-by-branch.ts', ['2026-11-06'], root, { ELT_TIMEZONE: 'Pacific/Auckland' });
    expect(out.stdout.split('\n', 1)[0]).toBe('POS sales on 2026-11-06 (Pacific/Auckland)');
    expect(await example('pos-sales-by-branch.ts', ['2026-13-01'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pos-sales-by-branch: posOrders(): from must be a calendar day as YYYY-MM-DD, got "2026-13-01"\n',
    });
  });
});

describe('examples/nightly-run.ts', () => {
  it('stopped by a TERM mid-extract: one line, exit 143, the lock released (the next test\'s run resumes)', async () => {
    const dir = projectDir({ 'elt.yml': 'extract:\n  page_size: 50\n' });
    dirs.push(dir);
    // Odoo sits on a call for ten minutes: only the TERM ends the run within the test's time.
    sim.injectFault({ kind: 'stall', ms: 600_000, model: 'pos.order.line', method: 'search_read' });
    const running = example('nightly-run.ts', [dir], root, { DATABASE_URL: db.url });
    while (!sim.injected.some((fault) => fault.call === 'pos.order.line.search_read')) await new Promise((resolve) => setTimeout(resolve, 10));
    running.child.kill('SIGTERM');
    expect(await running).toEqual({ code: 143, stdout: '', stderr: 'nightly run: stopped by SIGTERM: what had committed is kept, and the next run resumes from there\n' });
  });

  it('runs the whole pipeline from code and says so in one line', async () => {
    const dir = projectDir({ 'elt.yml': 'extract:\n  page_size: 50\n' });
    dirs.push(dir);
    const out = await example('nightly-run.ts', [dir], root, { DATABASE_URL: db.url });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^ok: 41 streams, \d+ records, 32 of 32 models in \d+\.\d s\n$/);
    const records = Number(/(\d+) records/.exec(out.stdout)![1]);
    expect(records).toBeGreaterThan(sim.store.search('pos.order', []).length);
    const { rows } = await db.pool.query<{ n: number }>('select count(*)::int as n from raw_pos_order');
    expect(rows[0]!.n).toBe(sim.store.search('pos.order', []).length);
  });

  it('exits 2 on a configuration mistake', async () => {
    const out = await example('nightly-run.ts', ['/no/such/folder'], root, { DATABASE_URL: db.url });
    expect(out).toEqual({ code: 2, stdout: '', stderr: 'nightly run: projectDir /no/such/folder: no such folder (give the folder that holds elt.yml and sql/)\n' });
  });
});
