/**
 * A project of one's own, as a new user makes it: elt init, a model file that
 * reads a staging view and a default mart, then elt run and elt test, with
 * no TypeScript and no migration.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { runCliInProcess, type EnvOverrides } from '../support/cli.ts';
import { SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';

const PASSWORD = 'Init-Secret-Pass';
let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let root: string;

const env = (): EnvOverrides => ({ ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'elt', ODOO_PASSWORD: PASSWORD, DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
/** Run from `root`, the folder above the project: --project-dir points at it, as a scheduler would. */
const elt = (args: string[]) => runCliInProcess(['--project-dir', 'wh', ...args], env(), root);

const PAYMENTS_BY_METHOD = `-- materialized: table
-- unique_key: payment_method_id, local_date
-- tests: payment_method_id not_null; orders not_null; amount not_null
select p.payment_method_id,
       s.local_date,
       count(distinct p.pos_order_id) as orders,
       sum(p.amount) as amount
from {{ ref('stg_pos_payment') }} as p
join {{ ref('fact_sales') }} as s on s.source = 'pos' and s.order_id = p.pos_order_id
group by p.payment_method_id, s.local_date
`;

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 11, users: [{ login: 'elt', password: PASSWORD }] });
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  root = mkdtempSync(join(tmpdir(), 'elt-init-'));
  chmodSync(root, 0o755);
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('elt init, then a model of your own', () => {
  it('writes the project folder, and refuses to write over it (exit 2, nothing changed)', async () => {
    const made = await runCliInProcess(['init', 'wh'], {}, root);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout.split('\n')[0]).toBe('Made an odoo-elt project in wh/: elt.yml, sql/daily_sales_by_branch.sql, sql/tests/daily_sales_have_orders.sql, .env.example, .gitignore');
    for (const file of ['elt.yml', 'sql/daily_sales_by_branch.sql', 'sql/tests/daily_sales_have_orders.sql', '.env.example', '.gitignore']) expect(existsSync(join(root, 'wh', file))).toBe(true);
    expect(readFileSync(join(root, 'wh/.gitignore'), 'utf8')).toMatch(/^\.env$/m);
    writeFileSync(join(root, 'wh/elt.yml'), '# mine\n');
    const again = await runCliInProcess(['init', 'wh'], {}, root);
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr: 'elt init: wh/elt.yml already exists: elt init writes a new project only (pick an empty folder, or move elt.yml, sql/daily_sales_by_branch.sql, sql/tests/daily_sales_have_orders.sql, .env.example, .gitignore away)\n',
    });
    expect(readFileSync(join(root, 'wh/elt.yml'), 'utf8')).toBe('# mine\n');
  });

  it('elt run builds payments_by_method from stg_pos_payment and fact_sales, keyed on its unique_key; elt test passes its tests', async () => {
    writeFileSync(join(root, 'wh/sql/payments_by_method.sql'), PAYMENTS_BY_METHOD);
    expect((await elt(['migrate'])).code).toBe(0);
    const ls = await elt(['ls', '--select', '1+payments_by_method']);
    expect(ls.stdout.trim().split('\n').map((l) => l.split(/ +/)[0])).toEqual(['fact_sales', 'payments_by_method']);

    const run = await elt(['run']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ {2}OK {4}payments_by_method +table +[\d,]+ rows/m);
    expect(run.stdout).toMatch(/^ {2}OK {4}daily_sales_by_branch +table +[\d,]+ rows/m);
    expect(run.stdout).toMatch(/^34 models: 34 ok; /m);

    // The money of every paid POS order, to the cent, grouped by method and day.
    const { rows: [mine] } = await db.pool.query(`select count(*)::int as n, sum(amount)::text as amount, sum(orders)::int as orders from payments_by_method`);
    const { rows: [odoo] } = await db.pool.query(
      `select count(distinct (odoo_id(p.data -> 'payment_method_id'), s.local_date))::int as n, sum(odoo_num(p.data -> 'amount'))::text as amount
       from raw_pos_payment p join fact_sales s on s.source = 'pos' and s.order_id = odoo_id(p.data -> 'pos_order_id')`,
    );
    expect(mine).toMatchObject({ n: odoo.n, amount: odoo.amount });
    expect(mine.n).toBeGreaterThan(5);
    const { rows: key } = await db.pool.query(
      `select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = 'payments_by_method'::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
    );
    expect(key.map((r) => r.attname)).toEqual(['payment_method_id', 'local_date']);

    // dbt's run_results.json, and each model's SQL as it ran.
    const ran = JSON.parse(readFileSync(join(root, 'wh/target/run_results.json'), 'utf8'));
    expect(ran.args).toEqual({ which: 'run', select: [], exclude: [], full_refresh: false, threads: 4 });
    expect(ran.results).toHaveLength(34);
    const entry = ran.results.find((r: { unique_id: string }) => r.unique_id === 'model.payments_by_method');
    expect(entry).toMatchObject({ status: 'success', adapter_response: { rows_affected: mine.n }, message: null, materialized: 'table', path: 'sql/payments_by_method.sql', compiled_path: 'target/compiled/payments_by_method.sql' });
    expect(entry.execution_time).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'wh/target/compiled/payments_by_method.sql'), 'utf8')).toContain('from "stg_pos_payment" as p');
    expect(existsSync(join(root, 'wh/target/compiled/marts/fact_sales.sql'))).toBe(true);
    expect(ran.streams.find((s: { stream: string }) => s.stream === 'pos.payment')).toMatchObject({ status: 'success' });

    const test = await elt(['test', '--verbose', '--select', 'payments_by_method', 'daily_sales_by_branch']);
    expect(test.code, test.stdout + test.stderr).toBe(0);
    const tested = JSON.parse(readFileSync(join(root, 'wh/target/run_results.json'), 'utf8'));
    expect(tested.args).toEqual({ which: 'test', select: ['payments_by_method', 'daily_sales_by_branch'], exclude: [] });
    expect(tested.results.map((r: { unique_id: string; status: string }) => [r.unique_id, r.status])).toContainEqual(['test.daily_sales_have_orders', 'pass']);
    expect(tested.results.every((r: { status: string; failures: number }) => r.status === 'pass' && r.failures === 0)).toBe(true);
    expect(test.stdout).toMatch(/PASS .*payments_by_method.*amount/);
    expect(test.stdout).toMatch(/PASS .*daily_sales_have_orders/);
  });

  it('elt.yml turns a default model off; a typo in its name is one line with the nearest name (exit 2)', async () => {
    writeFileSync(join(root, 'wh/elt.yml'), 'models:\n  fact_stok: false\n');
    expect(await elt(['ls'])).toMatchObject({ code: 2, stderr: 'elt ls: elt.yml: models.fact_stok: no model of that name: did you mean fact_stock?\n' });
    writeFileSync(join(root, 'wh/elt.yml'), 'models:\n  fact_stock: false\n');
    const ls = await elt(['ls']);
    expect(ls.code).toBe(0);
    expect(ls.stdout).not.toMatch(/^fact_stock /m);
    expect(ls.stdout).toMatch(/^payments_by_method +table +sql\/payments_by_method\.sql$/m);
  });

  it('--project-dir naming no folder is one line, exit 2', async () => {
    expect(await runCliInProcess(['--project-dir', 'nowhere', 'ls'], env(), root)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'elt: --project-dir nowhere: no such folder (give the folder that holds elt.yml and sql/)\n',
    });
  });
});
