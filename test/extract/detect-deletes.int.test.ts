/**
 * Delete detection on the simulator: records unlinked in Odoo get deleted_at
 * (and a new load_seq) in raw; a record restored from a backup, with its old
 * write_date, lands again and is un-deleted; ids are listed in keyset pages,
 * with deletes on both sides of a page boundary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract, type StreamResult } from '../../src/extract/run-extract.ts';
import type { RecordValues } from '../../src/simulator/model-def.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let odoo: OdooClient;
// Page size 5: ids are listed 50 at a time, so a few hundred partners span several id pages.
const config = projectConfig({ extract: { page_size: 5 } });
const MODEL = 'res.partner';

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.3, seed: 5 });
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  odoo = await connect(sim);
  // The highest id, unreferenced: its delete must be caught by the last, open-ended id range.
  sim.create(MODEL, { name: 'Walk-in customer' });
  await extract();
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

async function extract(options: { detectDeletes?: boolean; fullRefresh?: boolean } = {}): Promise<StreamResult> {
  const [result] = await runExtract(odoo, db.pool, config, { streams: [MODEL], ...options }, memoryLog());
  expect(result!.error).toBeUndefined();
  return result!;
}
async function raw(): Promise<Map<number, { deleted: boolean; seq: number }>> {
  const { rows } = await db.pool.query<{ id: string; deleted: boolean; seq: string }>(
    `select id, deleted_at is not null as deleted, load_seq as seq from raw_res_partner`,
  );
  return new Map(rows.map((r) => [Number(r.id), { deleted: r.deleted, seq: Number(r.seq) }]));
}
/** Partners nothing else points at, so unlinking them cascades nowhere. */
function unreferencedPartners(): number[] {
  const used = new Set<number>();
  for (const model of sim.store.modelNames()) {
    for (const id of sim.store.search(model, [], { activeTest: false })) {
      const rec = sim.store.get(model, id)!;
      for (const [name, field] of Object.entries(sim.store.info(model)!.fields)) {
        if (field.relation !== MODEL || (model === MODEL && name === 'id')) continue;
        const value = rec[name];
        if (typeof value === 'number') used.add(value);
        if (Array.isArray(value)) for (const v of value) used.add(v as number);
      }
    }
  }
  return sim.store.search(MODEL, [], { activeTest: false, order: 'id' }).filter((id) => !used.has(id));
}

describe('extract --detect-deletes', () => {
  let gone: number[];
  let snapshots: RecordValues[];

  it('marks the raw rows of records gone from Odoo, archived ones kept, across id pages and past the last id', async () => {
    const all = sim.store.search(MODEL, [], { activeTest: false, order: 'id' });
    expect(all.length).toBeGreaterThan(120);
    const free = unreferencedPartners();
    // First, a page-boundary neighbour (the 50th and 51st ids), one in the middle, and the highest id.
    gone = [...new Set([free.find((id) => id === all[49] || id === all[50]) ?? free[0]!, free[Math.floor(free.length / 2)]!, free.at(-1)!])];
    expect(gone).toContain(all.at(-1)!); // the open-ended last range is exercised
    snapshots = gone.map((id) => structuredClone(sim.store.get(MODEL, id)!));
    sim.write(MODEL, [all[3]!], { active: false });
    sim.unlink(MODEL, gone);
    const before = await raw();

    const plain = await extract();
    expect(plain.deleted).toBe(0);
    expect([...(await raw()).values()].filter((r) => r.deleted)).toEqual([]);

    const result = await extract({ detectDeletes: true });
    expect(result).toMatchObject({ deleted: gone.length, restored: 0 });
    const after = await raw();
    expect([...after].filter(([, r]) => r.deleted).map(([id]) => id).sort((a, b) => a - b)).toEqual([...gone].sort((a, b) => a - b));
    for (const id of gone) expect(after.get(id)!.seq).toBeGreaterThan(before.get(id)!.seq);
    expect(after.get(all[3]!)!.deleted).toBe(false);
    expect(after.size).toBe(all.length);
    const { rows } = await db.pool.query(`select details from elt_stream_runs where stream = $1 order by started_at desc limit 1`, [MODEL]);
    expect(rows[0].details).toEqual({ deleted: gone.length, restored: 0, unreadable: 0 });
  });

  it('a second detection changes nothing', async () => {
    const before = await raw();
    expect(await extract({ detectDeletes: true })).toMatchObject({ deleted: 0, restored: 0, changed: 0 });
    expect(await raw()).toEqual(before);
  });

  it('a record restored from a backup (old write_date, outside the lookback) is un-deleted; a record raw never saw lands', async () => {
    const restored = snapshots[0]!;
    sim.store.insertWithId(MODEL, restored.id as number, restored, { date: String(restored.write_date), uid: 2 }, {
      createDate: String(restored.create_date),
      writeDate: String(restored.write_date),
    });
    // A record inserted straight into Odoo's database with an old write_date: no incremental pass sees it.
    const unseen = sim.store.insert(MODEL, { name: 'Imported by SQL', active: true }, { writeDate: '2020-01-01 00:00:00', createDate: '2020-01-01 00:00:00' });
    expect((await extract()).changed).toBe(0);

    const result = await extract({ detectDeletes: true });
    expect(result).toMatchObject({ deleted: 0, restored: 2 });
    const after = await raw();
    expect(after.get(restored.id as number)!.deleted).toBe(false);
    expect(after.get(unseen)!.deleted).toBe(false);
    const { rows } = await db.pool.query(`select data ->> 'name' as name from raw_res_partner where id = $1`, [restored.id]);
    expect(rows[0].name).toBe(restored.name);
  });

  it('--full-refresh detects deletes too', async () => {
    sim.unlink(MODEL, [snapshots[0]!.id as number]);
    expect(await extract({ fullRefresh: true })).toMatchObject({ deleted: 1 });
  });
});
