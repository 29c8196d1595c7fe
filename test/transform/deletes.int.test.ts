/**
 * Deletes reach the marts: after `extract --detect-deletes`, an incremental
 * transform removes the rows of records gone from Odoo (on_delete: delete,
 * the default warehouse) or keeps them flagged (on_delete: flag), touches no
 * other row, and brings a restored record back.
 */
import { fileURLToPath } from 'node:url';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import { streamNames } from '../../src/extract/streams.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';
import { ensureRawTable } from '../../src/db/raw-tables.ts';
import { loadSeeds } from '../../src/transform/seeds.ts';
import { runTransform, type TransformOptions } from '../../src/transform/run-transform.ts';
import type { RecordValues } from '../../src/simulator/model-def.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let odoo: OdooClient;

async function extract(detectDeletes = true): Promise<void> {
  const results = await runExtract(odoo, db.pool, projectConfig(), { detectDeletes }, memoryLog());
  expect(results.filter((r) => r.status === 'failed')).toEqual([]);
}
async function transform(options: Partial<TransformOptions> = {}) {
  const results = await runTransform(db.pool, { projectDir, streams: streamNames(projectConfig()), ...options }, memoryLog());
  expect(results.filter((r) => r.status !== 'success').map((r) => `${r.model}: ${r.error}`)).toEqual([]);
  return results;
}
async function rows(sql: string, params: unknown[] = []): Promise<any[]> {
  return (await db.pool.query(sql, params)).rows;
}
/** key -> xmin of every row of the two sales facts. */
async function versions(): Promise<Map<string, string>> {
  const found = await rows(`select 'fact_sales/' || source || '/' || order_id as k, xmin::text as v from fact_sales
                            union all select 'fact_sales_lines/' || source || '/' || line_id, xmin::text from fact_sales_lines`);
  return new Map(found.map((r) => [r.k, r.v]));
}
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.2, seed: 23 });
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  odoo = await connect(sim);
  for (const { model } of BUILTIN_STREAMS) await ensureRawTable(db.pool, model);
  await extract(false);
  await loadSeeds(db.pool, join(projectDir, 'sql', 'seeds'));
  await transform();
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

describe('deletes in the default warehouse (on_delete: delete)', () => {
  let order: RecordValues;
  let lines: RecordValues[];
  let payments: RecordValues[];

  it('an order deleted in Odoo leaves fact_sales and fact_sales_lines with its lines; no other row is rewritten', async () => {
    const orderId = sim.store.search('pos.order', [], { activeTest: false, order: 'id' })[5]!;
    order = structuredClone(sim.store.get('pos.order', orderId)!);
    const lineIds = sim.store.search('pos.order.line', [['order_id', '=', orderId]], { activeTest: false, order: 'id' });
    expect(lineIds.length).toBeGreaterThan(0);
    lines = lineIds.map((id) => structuredClone(sim.store.get('pos.order.line', id)!));
    payments = sim.store.search('pos.payment', [['pos_order_id', '=', orderId]], { activeTest: false, order: 'id' })
      .map((id) => structuredClone(sim.store.get('pos.payment', id)!));
    const before = await versions();
    const totalBefore = (await rows(`select sum(amount_total)::text as s, count(*)::int as n from fact_sales where source = 'pos'`))[0];

    sim.unlink('pos.order', [orderId]); // the lines and payments go with it, as Odoo's cascade does
    await extract();
    const results = await transform();
    expect(results.find((r) => r.model === 'fact_sales')!.rows).toBe(1);
    expect(results.find((r) => r.model === 'fact_sales_lines')!.rows).toBe(lines.length);

    expect(changed(before, await versions())).toEqual(
      [`fact_sales/pos/${orderId}`, ...lines.map((l) => `fact_sales_lines/pos/${l.id}`)].sort(),
    );
    expect(await rows(`select count(*)::int as n from fact_sales where source = 'pos' and order_id = $1`, [orderId])).toEqual([{ n: 0 }]);
    const totalAfter = (await rows(`select sum(amount_total)::numeric as s, count(*)::int as n from fact_sales where source = 'pos'`))[0];
    expect(totalAfter.n).toBe(totalBefore.n - 1);
    expect(Number(totalAfter.s)).toBeCloseTo(Number(totalBefore.s) - Number(order.amount_total), 2);
  });

  it('a full refresh builds the same tables', async () => {
    const incremental = await rows(`select to_jsonb(f) as r from fact_sales_lines as f order by source, line_id`);
    await transform({ fullRefresh: true });
    expect(await rows(`select to_jsonb(f) as r from fact_sales_lines as f order by source, line_id`)).toEqual(incremental);
  });

  it('the order restored from a backup comes back with its lines', async () => {
    const restore = (model: string, rec: RecordValues) =>
      sim.store.insertWithId(model, rec.id as number, rec, { date: String(rec.write_date), uid: 2 }, { createDate: String(rec.create_date), writeDate: String(rec.write_date) });
    restore('pos.order', order);
    for (const line of lines) restore('pos.order.line', line);
    for (const payment of payments) restore('pos.payment', payment);
    await extract();
    await transform();
    expect(await rows(`select count(*)::int as n, sum(price_subtotal_incl)::numeric as s from fact_sales_lines where source = 'pos' and order_id = $1`, [order.id]))
      .toEqual([{ n: lines.length, s: expect.anything() }]);
    expect(await rows(`select amount_total::numeric as t from fact_sales where source = 'pos' and order_id = $1`, [order.id]))
      .toEqual([{ t: String(order.amount_total) }]);
  });
});

describe('on_delete: flag', () => {
  it('keeps the row with deleted_at set, and clears it when the record returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'elt-flag-'));
    mkdirSync(join(dir, 'sql', 'marts'), { recursive: true });
    writeFileSync(join(dir, 'sql', 'marts', 'flagged_teams.sql'), [
      '-- materialized: incremental',
      '-- unique_key: team_id',
      '-- on_delete: flag',
      "select t.id as team_id, odoo_text(t.data -> 'name') as name, t.deleted_at",
      "from {{ source('crm.team') }} as t where {{ changed(t) }}",
    ].join('\n'));
    await db.pool.query(`create table flagged_teams (team_id bigint primary key, name text, deleted_at timestamptz)`);
    const run = async () => {
      const results = await runTransform(db.pool, { projectDir: dir }, memoryLog());
      expect(results.map((r) => [r.model, r.status, r.error])).toEqual([['flagged_teams', 'success', undefined]]);
    };
    await run();
    const teamId = sim.store.search('crm.team', [], { activeTest: false, order: 'id' }).at(-1)!;
    const team = structuredClone(sim.store.get('crm.team', teamId)!);
    const count = (await rows(`select count(*)::int as n from flagged_teams`))[0].n;
    expect(count).toBe(sim.count('crm.team', { activeTest: false }));

    sim.unlink('crm.team', [teamId]);
    await extract();
    await run();
    expect(await rows(`select team_id::int, deleted_at is not null as gone from flagged_teams where deleted_at is not null`)).toEqual([{ team_id: teamId, gone: true }]);
    expect((await rows(`select count(*)::int as n from flagged_teams`))[0].n).toBe(count);

    sim.store.insertWithId('crm.team', teamId, team, { date: String(team.write_date), uid: 2 }, { writeDate: String(team.write_date) });
    await extract();
    await run();
    expect(await rows(`select count(*)::int as n from flagged_teams where deleted_at is not null`)).toEqual([{ n: 0 }]);
  });
});
