import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { ownModelsOnly, projectDir, runCliInProcess, type EnvOverrides } from '../support/cli.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW, simTime } from '../support/odoo.ts';
import { formatTimestamp } from '../../src/simulator/clock.ts';

const SECRET = 'St4tus-Secret-Pass';
let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let dir: string;

const MODELS = {
  'sql/marts/st_orders.sql': "-- materialized: incremental\n-- unique_key: id\nselect o.id, (o.data ->> 'amount_total')::numeric as amount from {{ source('pos.order') }} as o where {{ changed(o) }}",
  'sql/marts/st_partners.sql': "-- materialized: table\nselect p.id from {{ source('res.partner') }} as p",
  'sql/marts/st_order_count.sql': "-- materialized: view\nselect count(*) as n from {{ ref('st_orders') }}",
};

function env(extra: EnvOverrides = {}): EnvOverrides {
  return { ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'elt', ODOO_PASSWORD: SECRET, DATABASE_URL: db.url, LOG_LEVEL: 'silent', ...extra };
}
const elt = (args: string[], extra: EnvOverrides = {}) => runCliInProcess(args, env(extra), dir);

interface Json {
  streams: Array<Record<string, unknown> & { stream: string }>;
  models: Array<Record<string, unknown> & { model: string }>;
}
async function status(extra: string[] = []): Promise<Json> {
  const out = await elt(['status', '--json', ...extra]);
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as Json;
}
const stream = (json: Json, name: string) => json.streams.find((s) => s.stream === name)!;
const model = (json: Json, name: string) => json.models.find((m) => m.model === name)!;

async function one<T>(sql: string): Promise<T> {
  return Object.values((await db.pool.query(sql)).rows[0] as object)[0] as T;
}
/** Columns of a status table line (two spaces or more apart). */
function cells(stdout: string, first: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`${first} `));
  return line!.trim().split(/ {2,}/);
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 5, users: [{ login: 'admin', password: 'admin' }, { login: 'elt', password: SECRET }] });
  sim.clock.set(simTime(3_600_000)); // frozen, after all generated data
  db = await freshDatabase();
  await db.pool.query('drop schema drizzle cascade; drop schema public cascade; create schema public');
  dir = projectDir(ownModelsOnly(MODELS));
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true });
});

describe('elt status', () => {
  it('says to migrate first when the warehouse is not migrated (exit 2), and refuses unknown flags', async () => {
    expect(await elt(['status'])).toMatchObject({ code: 2, stdout: '', stderr: 'elt status: the warehouse database is not migrated yet: run elt migrate first\n' });
    expect(await elt(['status', '--jsn'])).toMatchObject({ code: 2, stderr: 'elt status: unknown option --jsn: did you mean --json? (see elt status --help)\n' });
    expect((await elt(['migrate'])).code).toBe(0);
    await db.pool.query('create table st_orders (id bigint primary key, amount numeric); create table st_partners (id bigint)');
  });

  it('before any run: every configured stream is never extracted, no model has run', async () => {
    const out = await elt(['status'], { ODOO_URL: undefined, ODOO_PASSWORD: undefined }); // Odoo is not needed without --odoo
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toBe('stream               status  rows  deleted  skipped  cursor (Odoo, UTC)  last success (UTC)  lag  error');
    expect(lines.find((l) => l.startsWith('pos.order '))).toBe('pos.order            never      0        0        0  -                   -                   -');
    expect(lines.slice(-3)).toEqual(['41 streams: 41 never', '', 'no model has run yet (elt transform)']);
    const json = await status();
    expect(json.models).toEqual([]);
    expect(stream(json, 'pos.order')).toEqual({
      stream: 'pos.order', table: 'raw_pos_order', status: 'never', cursor: null, rows: 0, deletedRows: 0, skippedRecords: 0,
      lastSuccessAt: null, lagSeconds: null, lastError: null,
    });
  });

  it('after an extract and a transform: cursors, exact row counts, deleted and skipped records, models', async () => {
    const [deletedLine] = sim.store.search('pos.order.line', [], { activeTest: false, limit: 1 });
    const [unreadable] = sim.store.search('res.partner', [], { activeTest: false, limit: 1, order: 'id desc' });
    sim.failCompute({ model: 'res.partner', id: unreadable!, field: 'name' });
    const streams = 'pos.order,pos.order.line,res.partner';
    expect((await elt(['extract', '--streams', streams])).code).toBe(0);
    sim.unlink('pos.order.line', [deletedLine!]);
    expect((await elt(['extract', '--streams', 'pos.order.line', '--detect-deletes'])).code).toBe(0);
    const transform = await elt(['transform']);
    expect(transform.code, transform.stdout).toBe(0);

    const json = await status();
    const orders = sim.count('pos.order', { activeTest: false });
    const lines = sim.count('pos.order.line', { activeTest: false });
    const partners = sim.count('res.partner', { activeTest: false });
    // The cursor is Odoo's clock when the extract began, less the 60 s allowed for clock skew:
    // no earlier than the newest record it landed less that minute, no later than now less it.
    const newest = await one<string>(`select to_char(max(write_date), 'YYYY-MM-DD HH24:MI:SS') from raw_pos_order`);
    const cursor = stream(json, 'pos.order').cursor as string;
    expect(cursor >= shift(newest, -60)).toBe(true);
    expect(cursor <= shift(formatTimestamp(sim.clock.now()).slice(0, 19), -60)).toBe(true);
    expect(stream(json, 'pos.order')).toEqual({
      stream: 'pos.order', table: 'raw_pos_order', status: 'ok', cursor, rows: orders, deletedRows: 0, skippedRecords: 0,
      lastSuccessAt: expect.stringMatching(ISO), lagSeconds: expect.any(Number), lastError: null,
    });
    expect(stream(json, 'pos.order.line')).toMatchObject({ status: 'ok', rows: lines, deletedRows: 1, skippedRecords: 0 });
    expect(stream(json, 'res.partner')).toMatchObject({ status: 'ok', rows: partners - 1, deletedRows: 0, skippedRecords: 1, lastError: null });
    expect(json.streams.filter((s) => s.status === 'never')).toHaveLength(38);
    expect(stream(json, 'pos.order').lagSeconds as number).toBeGreaterThanOrEqual(0);
    expect(stream(json, 'pos.order').lagSeconds as number).toBeLessThan(600);

    expect(json.models.map((m) => m.model)).toEqual(['st_order_count', 'st_orders', 'st_partners']);
    expect(model(json, 'st_orders')).toEqual({
      model: 'st_orders', materialized: 'incremental', status: 'success', lastRunAt: expect.stringMatching(ISO), lastSuccessAt: expect.stringMatching(ISO),
      rows: orders, rowsWritten: orders, pendingRows: 0, lastError: null,
    });
    expect(model(json, 'st_partners')).toMatchObject({ materialized: 'table', status: 'success', rows: partners - 1, rowsWritten: partners - 1, pendingRows: null });
    expect(model(json, 'st_order_count')).toMatchObject({ materialized: 'view', status: 'success', rows: null, rowsWritten: null, pendingRows: null });

    const text = (await elt(['status'])).stdout;
    const fmt = (n: number) => n.toLocaleString('en-US');
    expect(cells(text, 'pos.order')).toEqual(['pos.order', 'ok', fmt(orders), '0', '0', cursor, stream(json, 'pos.order').lastSuccessAt, expect.stringMatching(/^\d+ s$/)]);
    expect(cells(text, 'pos.order.line').slice(0, 5)).toEqual(['pos.order.line', 'ok', fmt(lines), '1', '0']);
    expect(cells(text, 'res.partner').slice(0, 5)).toEqual(['res.partner', 'ok', fmt(partners - 1), '0', '1']);
    expect(text).toContain('\n41 streams: 3 ok, 38 never\n\nmodel           materialized  status   rows  last written  pending  last run (UTC)        error\n');
    expect(cells(text, 'st_orders')).toEqual(['st_orders', 'incremental', 'success', fmt(orders), fmt(orders), '0', model(json, 'st_orders').lastRunAt]);
    expect(cells(text, 'st_order_count')).toEqual(['st_order_count', 'view', 'success', '-', '-', '-', model(json, 'st_order_count').lastRunAt]);
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 models: 3 success');
  });

  it('pending rows: raw rows an incremental model has not consumed yet', async () => {
    sim.clock.advance(3_600_000);
    const changed = sim.store.search('pos.order', [], { activeTest: false, limit: 3 });
    sim.write('pos.order', changed, { note: 'changed behind the warehouse' });
    expect((await elt(['extract', '--streams', 'pos.order'])).code).toBe(0);
    expect(model(await status(), 'st_orders')).toMatchObject({ pendingRows: 3 });
  });

  it('--odoo asks Odoo how far behind raw is: newest write_date and records changed after the cursor', async () => {
    const cursor = stream(await status(), 'pos.order').cursor as string;
    sim.clock.advance(90_000);
    sim.write('pos.order', sim.store.search('pos.order', [], { activeTest: false, limit: 2, order: 'id desc' }), { note: 'newer' });
    const json = await status(['--odoo']);
    const now = formatTimestamp(sim.clock.now()).slice(0, 19);
    // The two just written, and any the last extract landed in the skew minute before its cursor.
    const newer = sim.store.search('pos.order', [['write_date', '>=', shift(cursor, 1)]], { activeTest: false }).length;
    expect(newer).toBeGreaterThanOrEqual(2);
    const behind = (Date.parse(`${now}Z`) - Date.parse(`${cursor}Z`)) / 1000;
    expect(stream(json, 'pos.order').odoo).toEqual({ maxWriteDate: now, newerRecords: newer, behindSeconds: behind, error: null });
    expect(stream(json, 'pos.order.line').odoo).toEqual({ maxWriteDate: expect.any(String), newerRecords: 0, behindSeconds: 0, error: null });
    expect(stream(json, 'crm.team').odoo).toMatchObject({ newerRecords: sim.count('crm.team', { activeTest: false }), behindSeconds: null, error: null });
    expect(stream(json, 'hr.version').odoo).toMatchObject({ newerRecords: null, error: 'Odoo has no model hr.version (module not installed)' });
    const text = (await elt(['status', '--odoo'])).stdout;
    expect(text.split('\n')[0]).toBe('stream               status  rows  deleted  skipped  cursor (Odoo, UTC)   last success (UTC)    lag  newer in Odoo  behind      error');
    expect(cells(text, 'pos.order').slice(8)).toEqual([String(newer), `${Math.floor(behind / 60)} min ${behind % 60} s`]);
    expect(cells(text, 'hr.version').slice(8)).toEqual(['error', '-', 'Odoo has no model hr.version (module not installed)']);
  });

  it('after a failing stream: failed with Odoo\'s message, the other streams untouched; nothing secret printed', async () => {
    sim.denyAccess('res.partner');
    const run = await elt(['extract', '--streams', 'res.partner,pos.order']);
    expect(run.code).toBe(1);
    const json = await status();
    const partner = stream(json, 'res.partner');
    expect(partner).toMatchObject({ status: 'failed', rows: sim.count('res.partner', { activeTest: false }) - 1, skippedRecords: 1 });
    expect(partner.lastError).toMatch(/You are not allowed to access '.+' \(res\.partner\) records\./);
    expect(run.stdout).toContain(`  res.partner: ${partner.lastError as string}\n`); // the same words as the extract's summary
    expect(stream(json, 'pos.order')).toMatchObject({ status: 'ok', lastError: null });
    const text = await elt(['status']);
    expect(cells(text.stdout, 'res.partner')[1]).toBe('failed');
    expect(cells(text.stdout, 'res.partner').at(-1)).toBe(partner.lastError);
    expect(text.stdout).toContain('41 streams: 2 ok, 38 never, 1 failed\n');
    for (const out of [text.stdout, text.stderr, JSON.stringify(json)]) {
      expect(out).not.toContain(SECRET);
      expect(out).not.toContain(db.url);
    }
  });

  it('a model whose file is gone shows as removed, not as its last outcome, so a monitor stops alerting on it', async () => {
    writeFileSync(join(dir, 'sql/marts/st_gone.sql'), '-- materialized: table\nselect no_such_column as id');
    await db.pool.query('create table st_gone (id bigint)');
    expect((await elt(['transform', '--select', 'st_gone'])).code).toBe(1);
    expect(model(await status(), 'st_gone')).toMatchObject({ status: 'failed', lastError: 'sql/marts/st_gone.sql:2:8: column "no_such_column" does not exist' });
    rmSync(join(dir, 'sql/marts/st_gone.sql'));
    const json = await status();
    expect(model(json, 'st_gone')).toMatchObject({ status: 'removed', lastError: null, lastRunAt: expect.stringMatching(ISO) });
    expect(json.models.filter((m) => m.status === 'failed')).toEqual([]);
    const text = (await elt(['status'])).stdout;
    expect(cells(text, 'st_gone').slice(0, 3)).toEqual(['st_gone', 'table', 'removed']);
    expect(text.trimEnd().split('\n').at(-1)).toBe('4 models: 3 success, 1 removed');
  });
});

/** An Odoo datetime moved by `seconds`. */
function shift(stamp: string, seconds: number): string {
  return new Date(Date.parse(`${stamp.replace(' ', 'T')}Z`) + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}
