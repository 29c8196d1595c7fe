import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { ensureRawTable } from '../../src/db/raw-tables.ts';
import { machineEnv } from '../support/machine-env.ts';
import { ownModelsOnly } from '../support/cli.ts';

const bin = fileURLToPath(new URL('../../bin/elt.mjs', import.meta.url));
let db: Awaited<ReturnType<typeof freshDatabase>>;

/** A project of these files alone: the default warehouse is not layered under it. */
function projectDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'elt-cli-project-'));
  for (const [path, text] of Object.entries(ownModelsOnly(files))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function elt(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...machineEnv(), DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const good = {
  'sql/staging/stg_a.sql': 'select 1 as id',
  'sql/marts/cli_dim.sql': "-- materialized: table\n-- tags: nightly\nselect id from {{ ref('stg_a') }}",
  'sql/marts/cli_fact.sql': "-- materialized: table\nselect id from {{ ref('cli_dim') }}",
  'sql/seeds/codes.csv': 'branch_name,branch_code\nCentre,C1\n',
};

beforeAll(async () => {
  db = await freshDatabase();
  await db.pool.query('create table cli_dim (id int); create table cli_fact (id int)');
});
afterAll(async () => {
  await db?.drop();
});

describe('elt transform, ls and seed on the command line', () => {
  it('ls prints what a selection picks, in run order', async () => {
    const dir = projectDir(good);
    const out = await elt(dir, ['ls', '--select', 'cli_dim+']);
    expect(out).toMatchObject({ code: 0, stdout: 'cli_dim   table        sql/marts/cli_dim.sql\ncli_fact  table        sql/marts/cli_fact.sql\n' });
    expect((await elt(dir, ['ls', '-s', 'tag:nightly', '+cli_fact', '--exclude', 'stg_a'])).stdout.split('\n').filter(Boolean)).toHaveLength(2);
    rmSync(dir, { recursive: true });
  });

  it('transform --select runs that model alone and prints a summary', async () => {
    const dir = projectDir(good);
    const out = await elt(dir, ['transform', '--select', 'stg_a', 'cli_dim']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^ {2}OK {4}stg_a +view +- +\d+\.\d s\n {2}OK {4}cli_dim +table +1 row +\d+\.\d s\n2 models: 2 ok; 1 row; \d+\.\d s\nDone in \d+\.\d s\.\n$/);
    expect((await db.pool.query('select count(*)::int as n from cli_fact')).rows[0].n).toBe(0);
  });

  it.each([
    [{ ...good, 'sql/marts/cli_dim.sql': "-- materialized: table\nselect id from {{ ref('cli_fact') }}" }, ['transform'],
      'elt transform: the models form a cycle: sql/marts/cli_dim.sql -> sql/marts/cli_fact.sql -> sql/marts/cli_dim.sql'],
    [good, ['transform', '--select', 'cli_dmi'], 'elt transform: unknown model "cli_dmi" in --select: did you mean cli_dim?'],
    [good, ['transform', '--select', '++cli_dim'], 'elt transform: invalid selector "++cli_dim" in --select'],
    [{ ...good, 'sql/marts/cli_fact.sql': "-- materialized: table\nselect id from {{ ref('cli_dimm') }}" }, ['ls'],
      "elt ls: sql/marts/cli_fact.sql: ref('cli_dimm') names no model, seed or staging view: did you mean cli_dim?"],
    [{ ...good, 'sql/staging/stg_pay.sql': "select p.id from {{ source('pos.paymnt') }} as p" }, ['transform'],
      "elt transform: sql/staging/stg_pay.sql: source('pos.paymnt') names no stream: did you mean pos.payment? (sources are Odoo model names; add new streams under streams: in elt.yml)"],
    [{ ...good, 'sql/seeds/codes.csv': 'branch_name,branch_code\nCentre,C1\nNord\n' }, ['seed'], 'elt seed: sql/seeds/codes.csv line 3: expected 2 columns, found 1'],
  ])('a bad project is one line and exit 2, before anything runs (%#)', async (files, args, message) => {
    const dir = projectDir(files);
    const before = (await db.pool.query('select count(*)::int as n from elt_model_runs')).rows[0].n;
    const out = await elt(dir, args);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr.trim().startsWith(message)).toBe(true);
    expect((await db.pool.query('select count(*)::int as n from elt_model_runs')).rows[0].n).toBe(before);
    expect((await db.pool.query(`select to_regclass('seed_codes') as t`)).rows[0].t).toBeNull();
    rmSync(dir, { recursive: true });
  });

  it("compile prints each model's SQL as its next run will read it: changed() from the warehouse's watermarks", async () => {
    const dir = projectDir({
      'sql/marts/cli_orders.sql': "-- unique_key: id\nselect o.id from {{ source('pos.order') }} as o where {{ changed(o) }} and o.id > {{ var('min_id', '0') }}",
    });
    await db.pool.query('create table cli_orders (id bigint primary key)');
    await ensureRawTable(db.pool, 'pos.order');
    const before = await elt(dir, ['compile', '--select', 'cli_orders']);
    expect(before).toMatchObject({
      code: 0,
      stdout: `-- cli_orders (sql/marts/cli_orders.sql): incremental, first run or full refresh: reads everything\nselect o.id from "raw_pos_order" as o where true and o.id > '0';\n\n`,
    });
    const run = await elt(dir, ['transform']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const seq = (await db.pool.query('select coalesce(max(load_seq), 0)::int as n from raw_pos_order')).rows[0].n as number;
    const after = await elt(dir, ['compile', '-s', 'cli_orders']);
    expect(after.stdout).toBe(
      `-- cli_orders (sql/marts/cli_orders.sql): incremental, from the watermarks in the warehouse\nselect o.id from "raw_pos_order" as o where (o.load_seq > ${seq}) and o.id > '0';\n\n`,
    );
    expect((await elt(dir, ['compile', '--full-refresh'])).stdout).toContain('where true and');
    rmSync(dir, { recursive: true });
  });

  it('seed loads the CSV files', async () => {
    const dir = projectDir(good);
    const out = await elt(dir, ['seed']);
    expect(out).toMatchObject({ code: 0, stdout: 'seed_codes  1 row\n' });
    expect((await db.pool.query('select branch_name, branch_code from seed_codes')).rows).toEqual([{ branch_name: 'Centre', branch_code: 'C1' }]);
  });

  it('migrate creates the raw table of a catalog stream elt.yml turns off, so models reading it still run', async () => {
    const dir = projectDir({ 'elt.yml': 'streams:\n  pos.promotion: false\n  x_store.region: {}\n' });
    const out = await elt(dir, ['migrate']);
    expect(out).toMatchObject({ code: 0, stdout: expect.stringMatching(/^framework tables already up to date \(\d+ migrations\)\n42 raw tables ready, (?:\d+|none) created\n$/) });
    const { rows } = await db.pool.query(`select to_regclass('raw_pos_promotion') is not null as off, to_regclass('raw_x_store_region') is not null as added`);
    expect(rows[0]).toEqual({ off: true, added: true });
    rmSync(dir, { recursive: true });
  });
});
