import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { projectDir } from '../support/cli.ts';
import { machineEnv } from '../support/machine-env.ts';
import { migrationJournal } from '../../src/db/migrate.ts';

const bin = fileURLToPath(new URL('../../bin/elt.mjs', import.meta.url));
const SECRET = 'Sup3r-Secret-Pass';
let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;

interface Outcome { code: number; stdout: string; stderr: string }

function elt(args: string[], env: Record<string, string | undefined> = {}, cwd = '/tmp'): Promise<Outcome> {
  const base: Record<string, string | undefined> = {
    ...machineEnv(),
    ODOO_URL: sim.url,
    ODOO_DB: sim.db,
    ODOO_USERNAME: 'elt',
    ODOO_PASSWORD: SECRET,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'info',
  };
  const merged = Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: merged, cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 3, users: [{ login: 'admin', password: 'admin' }, { login: 'elt', password: SECRET }] });
  db = await freshDatabase();
  // Test databases are cloned from a migrated template: undo it, so `elt migrate` starts from nothing here.
  await db.pool.query('drop schema drizzle cascade; drop schema public cascade; create schema public');
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

describe('the elt command line', () => {
  it('--help lists every command of the contract', async () => {
    const out = await elt(['--help']);
    expect(out.code).toBe(0);
    for (const command of ['migrate', 'extract', 'transform', 'seed', 'run', 'status', 'test', 'ls', 'compile', 'dag', 'verify', 'demo']) {
      expect(out.stdout + out.stderr).toContain(command);
    }
  });

  it('an unknown command or flag is a usage error, exit 2', async () => {
    const unknown = await elt(['extrakt']);
    expect(unknown).toMatchObject({ code: 2, stderr: 'elt: unknown command "extrakt": did you mean "extract"? (elt --help lists the commands)\n' });
    const flag = await elt(['extract', '--full-refesh']);
    expect(flag).toMatchObject({ code: 2, stderr: 'elt extract: unknown option --full-refesh: did you mean --full-refresh? (see elt extract --help)\n' });
  });

  it('a missing or malformed variable is one line naming it, exit 2, nothing touched', async () => {
    const missing = await elt(['extract'], { ODOO_URL: undefined });
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: 'elt extract: missing setting ODOO_URL: set it in the environment or in .env in the project folder (copy .env.example to .env)\n' });
    const bad = await elt(['extract'], { ODOO_TRANSPORT: 'carrier-pigeon' });
    expect(bad.stderr).toBe('elt extract: ODOO_TRANSPORT "carrier-pigeon" is not one of auto, xmlrpc, jsonrpc, json2: fix it in the environment or in .env in the project folder (copy .env.example to .env)\n');
    expect(bad.code).toBe(2);
    const tables = await db.pool.query(`select count(*)::int as n from information_schema.tables where table_name like 'raw\\_%'`);
    expect(tables.rows[0].n).toBe(0);
  });

  it('extract before migrate says to migrate first', async () => {
    const out = await elt(['extract']);
    expect(out).toMatchObject({ code: 2, stderr: 'elt extract: the warehouse database is not migrated yet: run elt migrate first\n' });
  });

  it('migrate creates the framework and raw tables, says which, and is idempotent', async () => {
    const journal = migrationJournal();
    const first = await elt(['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`applied ${journal.length} migrations: ${journal.map((m) => m.tag).join(', ')}\n41 raw tables ready, 41 created\n`);
    expect(journal.map((m) => m.tag).slice(0, 2)).toEqual(['0000_framework', '0001_transform_state']);
    const again = await elt(['migrate']);
    expect(again).toMatchObject({ code: 0, stdout: `framework tables already up to date (${journal.length} migrations)\n41 raw tables ready, none created\n` });
    const tables = await db.pool.query(`select count(*)::int as n from information_schema.tables where table_name like 'raw\\_%'`);
    expect(tables.rows[0].n).toBe(41);
  });

  it('a rejected login is one clear line, exit 2, with no secret anywhere', async () => {
    const out = await elt(['extract'], { ODOO_PASSWORD: 'wrong-password-123' });
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n').at(-1)).toBe(
      `elt extract: cannot log in to Odoo at ${sim.url}: Odoo rejected the login for user elt on database ${sim.db}: check ODOO_USERNAME and ODOO_PASSWORD (or ODOO_API_KEY)`,
    );
    expect(out.stdout + out.stderr).not.toContain('wrong-password-123');
  });

  it('extract lands every stream, prints one line per stream, logs JSON without secrets, writes run_results.json', async () => {
    const dir = projectDir();
    const out = await elt(['extract'], {}, dir);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines.at(-2)).toMatch(/^41 streams: 38 ok, 3 skipped; [\d,]+ records, [\d,]+ changed; \d+\.\d s$/);
    expect(lines.at(-1)).toMatch(/^Done in \d+\.\d s\.$/);
    expect(lines.find((l) => l.startsWith('  OK    pos.order.line '))).toMatch(
      new RegExp(`^  OK    pos\\.order\\.line\\s+${sim.count('pos.order.line', { activeTest: false }).toLocaleString('en-US')} records, [\\d,]+ changed\\s+\\d+\\.\\d s$`),
    );
    // Skipped streams come first, with why.
    expect(lines.slice(0, 3)).toEqual(['hr.version', 'pos.promotion', 'product.brand'].map((s) => `  SKIP  ${s.padEnd(19)}  Odoo has no such model (module not installed)`));
    for (const line of out.stderr.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(out.stdout + out.stderr).not.toContain(SECRET);
    const landed = await db.pool.query(`select count(*)::int as n from raw_pos_order`);
    expect(landed.rows[0].n).toBe(sim.count('pos.order', { activeTest: false }));
    // As dbt's commands do, for a scheduler to read: no models, a line per stream.
    const results = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8'));
    rmSync(dir, { recursive: true, force: true });
    expect(results.args).toEqual({ which: 'extract', select: [], exclude: [], full_refresh: false });
    expect(results.results).toEqual([]);
    expect(results.streams).toHaveLength(41);
    expect(results.streams.find((s: { stream: string }) => s.stream === 'pos.order')).toMatchObject({ status: 'success', fetched: sim.count('pos.order', { activeTest: false }), message: null });
  });

  it('run builds the default warehouse from the repository; transform --select runs one model alone', async () => {
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    // A warehouse from before the last migration: elt run applies it and says so first (a run with nothing to apply says nothing).
    const last = migrationJournal().at(-1)!;
    expect(last.tag).toBe('0008_finance_marts');
    await db.pool.query(
      `drop table dim_accounts, dim_journals, fact_invoices, fact_journal_items, fact_payments;
       alter table fact_sales_lines drop column cost, drop column margin, drop column cost_source;
       delete from drizzle.__drizzle_migrations where created_at = ${last.when}`,
    );
    const run = await elt(['run'], { ELT_TIMEZONE: 'Europe/Brussels' }, repo);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['applied 1 migration: 0008_finance_marts', '41 raw tables ready, none created']);
    expect(run.stdout.match(/migration|raw tables? ready/g)).toHaveLength(2);
    const models = readdirSync(join(repo, 'sql', 'marts')).length + readdirSync(join(repo, 'sql', 'snapshots')).length;
    expect(run.stdout.trim().split('\n').slice(-2)).toEqual([expect.stringMatching(new RegExp(`^${models} models: ${models} ok; [\\d,]+ rows; \\d+\\.\\d s$`)), expect.stringMatching(/^Done in \d+\.\d s\.$/)]);
    const orders = await db.pool.query(`select count(*)::int as n, sum(amount_total)::numeric as total from fact_sales where source = 'pos'`);
    expect(orders.rows[0].n).toBe(sim.count('pos.order', { activeTest: false }));
    const one = await elt(['transform', '--select', 'dim_products'], {}, repo);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^ {2}OK {4}dim_products {2}incremental {2}0 rows {2}\d+\.\d s\n1 model: 1 ok; 0 rows; \d+\.\d s\nDone in \d+\.\d s\.\n$/);
  });

  it('a failing stream exits 1 after the others ran', async () => {
    sim.denyAccess('sale.order.line');
    const out = await elt(['extract', '--streams', 'sale.order.line,sale.order']);
    expect(out.code).toBe(1);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ {2}FAIL {2}sale\.order\.line {2}.*You are not allowed/);
    expect(lines[1]).toMatch(/^ {2}OK {4}sale\.order {7}\d+ records/);
    expect(lines[2]).toMatch(/^2 streams: 1 ok, 1 failed; /);
    // The failure again at the end, whole.
    expect(lines.slice(3, 5)).toEqual(['1 failed:', expect.stringMatching(/^ {2}sale\.order\.line: .*You are not allowed to access .*\(sale\.order\.line\) records\.$/)]);
    expect(lines.at(-1)).toMatch(/^Done in \d+\.\d s with 1 failure\.$/);
  });
});
