/**
 * hash_fields on the simulator: with e-mails and phones hashed, no clear
 * value of any partner's is in any table or log line, whichever path landed
 * the record (keyset page, ranged pass, unreadable-record isolation, a retry
 * of a skipped record, delete detection's restore); equal values share a
 * hash, the HMAC computed here with node:crypto; another key or field list
 * is refused until a full refresh re-lands the stream with it.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { tablesText } from '../support/warehouse-text.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract, type ExtractOptions, type StreamResult } from '../../src/extract/run-extract.ts';
import { hashKey } from '../../src/extract/hash-fields.ts';
import { guardHashSpec } from '../../src/extract/hash-spec.ts';
import { ensureRawTable, landRecords } from '../../src/db/raw-tables.ts';
import { inTransaction } from '../../src/db/pool.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

const KEY = 'first-hash-key-0123456789abcdef';
const NEW_KEY = 'second-hash-key-fedcba9876543210';
const PARTNER = 'res.partner';
const LONE = { name: 'Walk-in customer', email: 'walk.in@private.example', phone: '+33 6 99 88 77 66' };
const REFUSED = 'ELT_HASH_KEY (or hash_fields) changed since the stream was landed: elt extract --full-refresh --streams res.partner re-lands it with the new key';

/** What the project hashes: a partner's e-mail and phone, and where the same values live on other streams (README, "Personal data"). */
const STREAMS = {
  [PARTNER]: { hash_fields: ['email', 'phone'] },
  // A portal user's login is their e-mail; an employee's work e-mail is their user's.
  'res.users': { hash_fields: ['login'] },
  'hr.employee': { hash_fields: ['work_email', 'work_phone', 'mobile_phone', 'private_email'] },
};

let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let odoo: OdooClient;
const log = memoryLog();
/** Every clear e-mail and phone a partner ever had in this test, the removed partner's included. */
const clear = new Set<string>();
let twins: [number, number];
let unreadable: number;
/** A partner only delete detection lands (restored from a backup with an old write_date), removed again later. */
let lone: number;

function hmac(key: string, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

async function extract(key: string, options: ExtractOptions = {}, streams: Record<string, unknown> = STREAMS): Promise<StreamResult[]> {
  // Pages of 7 and 3 requests: a first keyset page, then ranged passes.
  const config = projectConfig({ extract: { page_size: 7, odoo_requests: 3 }, streams });
  return runExtract(odoo, db.pool, config, { hashKey: key, ...options }, log);
}

function partner(id: number): Record<string, unknown> {
  return sim.store.get(PARTNER, id)!;
}

function collectClearValues(): void {
  for (const id of sim.store.search(PARTNER, [], { activeTest: false })) {
    for (const field of ['email', 'phone', 'email_normalized', 'phone_sanitized']) {
      const value = partner(id)[field];
      if (typeof value === 'string') clear.add(value);
    }
  }
}

async function rawPartner(id: number): Promise<Record<string, unknown>> {
  const { rows } = await db.pool.query(`select data from raw_res_partner where id = $1`, [id]);
  return rows[0].data;
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, version: 17, scale: 0.05, seed: 7 });
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  odoo = await connect(sim);
  const withBoth = sim.store.search(PARTNER, [['email', '!=', false], ['phone', '!=', false]], { activeTest: false, order: 'id' });
  // Two partners with the same e-mail and phone, far apart so they land in different pages.
  twins = [withBoth[0]!, withBoth.at(-1)!];
  sim.write(PARTNER, [twins[1]], { email: partner(twins[0]).email, phone: partner(twins[0]).phone });
  unreadable = withBoth[Math.floor(withBoth.length / 2)]!;
  collectClearValues();
  clear.add(LONE.email).add(LONE.phone);
});

afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

describe('hash_fields', () => {
  it('land keyed hashes on every path, equal values sharing one, and never a clear value', async () => {
    const fix = sim.failCompute({ model: PARTNER, id: unreadable, field: 'email' });
    const first = await extract(KEY);
    expect(first.filter((r) => r.status === 'failed')).toEqual([]);
    expect(first.find((r) => r.stream === PARTNER)).toMatchObject({ status: 'success', unreadable: 1 });
    const [a, b] = [await rawPartner(twins[0]), await rawPartner(twins[1])];
    expect(a.email).toBe(hmac(KEY, String(partner(twins[0]).email)));
    expect(a.phone).toBe(hmac(KEY, String(partner(twins[0]).phone)));
    expect([b.email, b.phone]).toEqual([a.email, a.phone]);
    // Odoo's normalized copies are hashed with them (of Odoo's normalized value), or they would land in clear.
    expect(a.email_normalized).toBe(hmac(KEY, String(partner(twins[0]).email_normalized)));
    expect(a.phone_sanitized).toBe(hmac(KEY, String(partner(twins[0]).phone_sanitized)));
    expect(String(partner(twins[0]).email_normalized)).toContain('@');
    // Staging keeps the column, as text; docs label it.
    const { rows: staged } = await db.pool.query(`select email, phone from stg_res_partner where id = $1`, [twins[1]]);
    expect(staged[0]).toEqual({ email: a.email, phone: a.phone });
    const { rows: labels } = await db.pool.query(`select field, type, label from elt_stream_fields where stream = $1 and field in ('email', 'name') order by field`, [PARTNER]);
    expect(labels).toEqual([{ field: 'email', type: 'char', label: 'Email (keyed hash)' }, { field: 'name', type: 'char', label: 'Name' }]);
    // Not hashed: other fields, and empty values.
    const empty = sim.store.search(PARTNER, [['phone', '=', false]], { activeTest: false, limit: 1 })[0]!;
    expect((await rawPartner(empty)).phone).toBe(false);
    expect((await rawPartner(twins[0])).name).toBe(partner(twins[0]).name);

    // The record skipped as unreadable lands, hashed, when it reads again.
    fix();
    expect((await extract(KEY, { streams: [PARTNER] }))[0]).toMatchObject({ status: 'success', unreadable: 0 });
    expect((await rawPartner(unreadable)).email).toBe(hmac(KEY, String(partner(unreadable).email)));

    // Delete detection lands a record no incremental pass sees (put back from a backup, old write_date), hashed.
    lone = sim.store.insert(PARTNER, { ...LONE, active: true }, { writeDate: '2020-01-01 00:00:00', createDate: '2020-01-01 00:00:00' });
    expect((await extract(KEY, { streams: [PARTNER] }))[0]).toMatchObject({ changed: 0 });
    expect((await extract(KEY, { streams: [PARTNER], detectDeletes: true }))[0]).toMatchObject({ restored: 1 });
    expect((await rawPartner(lone)).email).toBe(hmac(KEY, LONE.email));
  });

  it('leave no clear e-mail or phone in any table or log line', async () => {
    const tables = await tablesText(db.pool);
    // What is searched is real: partners' rows, the hashes, the unreadable record's warning.
    expect(tables.includes(String(partner(twins[0]).name)), 'partner rows').toBe(true);
    expect(tables.includes(hmac(KEY, String(partner(twins[0]).email))), 'hashes').toBe(true);
    expect(clear.size).toBeGreaterThan(300);
    // (booleans, not toContain: a failure must not print the whole warehouse)
    const leaked = [...clear].filter((value) => tables.includes(value));
    expect(leaked).toEqual([]);
    const lines = JSON.stringify(log.lines);
    expect(lines).toContain('cannot be read and was skipped');
    expect([...clear].filter((value) => lines.includes(value))).toEqual([]);
    expect(lines.includes(KEY) || tables.includes(KEY)).toBe(false);
  });

  it('refuse another key or another field list, the stream alone, until a full refresh', async () => {
    const before = await db.pool.query(`select data from raw_res_partner order by id`);
    const other = await extract(NEW_KEY, { streams: [PARTNER, 'uom.uom'] });
    expect(other.map((r) => [r.stream, r.status, r.error])).toEqual([[PARTNER, 'failed', REFUSED], ['uom.uom', 'success', undefined]]);
    expect(log.lines.at(-2)).toMatchObject({ level: 'error', msg: `stream res.partner failed: ${REFUSED}` });
    const more = await extract(KEY, { streams: [PARTNER] }, { ...STREAMS, [PARTNER]: { hash_fields: ['email', 'mobile', 'phone'] } });
    expect(more[0]).toMatchObject({ status: 'failed', error: REFUSED });
    const none = await extract(KEY, { streams: [PARTNER] }, {});
    expect(none[0]).toMatchObject({ status: 'failed', error: REFUSED });
    expect((await db.pool.query(`select data from raw_res_partner order by id`)).rows).toEqual(before.rows);
  });

  it('a full refresh cut short leaves the stream refused, whichever key comes next', async () => {
    sim.injectFault({ kind: 'fault', code: 4, message: 'You are not allowed to access Contact records.', model: PARTNER, method: 'search_read' });
    expect((await extract(NEW_KEY, { streams: [PARTNER], fullRefresh: true }))[0]).toMatchObject({ status: 'failed' });
    expect((await extract(KEY, { streams: [PARTNER] }))[0]).toMatchObject({ status: 'failed', error: REFUSED });
    expect((await extract(NEW_KEY, { streams: [PARTNER] }))[0]).toMatchObject({ status: 'failed', error: REFUSED });
  });

  it('--full-refresh re-lands every row with the new key; rows it cannot read lose their old values', async () => {
    // One partner gone and one unreadable: the full refresh cannot rewrite their rows.
    sim.unlink(PARTNER, [lone]);
    const fix = sim.failCompute({ model: PARTNER, id: twins[1], field: 'email' });
    const [result] = await extract(NEW_KEY, { streams: [PARTNER], fullRefresh: true });
    expect(result).toMatchObject({ status: 'success', deleted: 1, unreadable: 1 });
    const { rows } = await db.pool.query<{ id: string; data: Record<string, unknown>; deleted: boolean }>(`select id, data, deleted_at is not null as deleted from raw_res_partner`);
    const expected = (id: number, field: string) => {
      const value = partner(id)[field];
      return typeof value === 'string' ? hmac(NEW_KEY, value) : value;
    };
    const unread = rows.filter((r) => r.deleted || Number(r.id) === twins[1]);
    expect(unread.map((r) => Number(r.id)).sort()).toEqual([lone, twins[1]].sort());
    for (const row of unread) expect(['email' in row.data, 'phone' in row.data, 'email_normalized' in row.data, row.data.name !== undefined]).toEqual([false, false, false, true]);
    const reread = rows.filter((r) => !unread.includes(r));
    expect(reread.length).toBeGreaterThan(300);
    expect(reread.filter((r) => r.data.email !== expected(Number(r.id), 'email') || r.data.phone !== expected(Number(r.id), 'phone')).map((r) => r.id)).toEqual([]);
    const { rows: state } = await db.pool.query(`select hash_fields, hash_key_fingerprint from elt_stream_state where stream = $1`, [PARTNER]);
    // The landed list: the configured fields and Odoo's normalized copies of them.
    expect(state[0]).toEqual({ hash_fields: ['email', 'email_normalized', 'phone', 'phone_sanitized'], hash_key_fingerprint: hashKey(NEW_KEY).fingerprint });

    // The new key is the stream's now: a plain run goes on, and the record that reads again lands with it.
    fix();
    expect((await extract(NEW_KEY, { streams: [PARTNER] }))[0]).toMatchObject({ status: 'success', unreadable: 0 });
    expect((await rawPartner(twins[1])).email).toBe(hmac(NEW_KEY, String(partner(twins[1]).email)));
    expect((await extract(KEY, { streams: [PARTNER] }))[0]).toMatchObject({ status: 'failed', error: REFUSED });
  });

  it('a first extract cut short resumes without a full refresh: a stream with no rows takes the spec at once', async () => {
    const stream = { name: 'x_hash.item', model: 'x_hash.item', domain: [], fields: ['email'], fieldTypes: [], incremental: true, hashFields: ['email'] };
    const settings = { lookbackMinutes: 10, clockSkewSeconds: 60, pageSize: 7, displayNames: false, fullRefresh: false, detectDeletes: false, context: {}, hashKey: hashKey(KEY) };
    await ensureRawTable(db.pool, stream.model);
    await guardHashSpec(db.pool, stream, settings);
    await inTransaction(db.pool, (client) => landRecords(client, stream.model, [{ id: 1, email: hmac(KEY, 'a@b.example') }]));
    await expect(guardHashSpec(db.pool, stream, settings)).resolves.toBeTypeOf('function');
    await expect(guardHashSpec(db.pool, stream, { ...settings, hashKey: hashKey(NEW_KEY) })).rejects.toThrow(
      'ELT_HASH_KEY (or hash_fields) changed since the stream was landed: elt extract --full-refresh --streams x_hash.item re-lands it with the new key',
    );
  });
});
