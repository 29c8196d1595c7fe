import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract, type StreamResult } from '../../src/extract/run-extract.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';
import { readStreamState } from '../../src/db/stream-state.ts';
import type { OdooClient } from '../../src/odoo/client.ts';
import type pg from 'pg';

let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let odoo: OdooClient;
const config = projectConfig({ extract: { page_size: 500 } });

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.5, seed: 7 });
  // A manual clock after all generated data, so tests decide what "now" is.
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  odoo = await connect(sim);
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

async function extract(options: { streams?: string[]; fullRefresh?: boolean } = {}, cfg = config): Promise<StreamResult[]> {
  return runExtract(odoo, db.pool, cfg, options, memoryLog());
}
async function rawCount(pool: pg.Pool, table: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return rows[0]!.n;
}
async function rawName(table: string, id: number): Promise<unknown> {
  const { rows } = await db.pool.query(`select data ->> 'name' as name from ${table} where id = $1`, [id]);
  return rows[0]?.name;
}
function tick(seconds: number): void {
  sim.clock.advance(seconds * 1000);
}

describe('elt extract on the simulator', () => {
  it('first run lands every record of every built-in stream, archived ones included', async () => {
    const results = await extract();
    const byStream = new Map(results.map((r) => [r.stream, r]));
    for (const { model } of BUILTIN_STREAMS) {
      const result = byStream.get(model)!;
      if (model === 'hr.version' || model === 'pos.promotion' || model === 'product.brand') {
        expect(result.status).toBe('skipped');
        continue;
      }
      expect(result.status, `${model}: ${result.error}`).toBe('success');
      const expected = sim.count(model, { activeTest: false });
      expect(expected).toBeGreaterThan(0);
      expect(await rawCount(db.pool, `raw_${model.replaceAll('.', '_')}`), model).toBe(expected);
      expect(result.fetched).toBe(expected);
      expect(result.changed).toBe(expected);
    }
    const archived = await db.pool.query(`select count(*)::int as n from raw_res_partner where data -> 'active' = 'false'::jsonb`);
    expect(archived.rows[0].n).toBe(sim.count('res.partner', { activeTest: false }) - sim.count('res.partner'));
    expect(archived.rows[0].n).toBeGreaterThan(0);
  });

  it('keeps Odoo value shapes: many2one as the bare id (lean reads), false for empty, naive UTC datetimes', async () => {
    const { rows } = await db.pool.query(`select id, data from raw_pos_order_line order by id limit 1`);
    expect(rows[0].data.order_id).toBe(sim.store.get('pos.order.line', rows[0].id)!.order_id);
    expect(typeof rows[0].data.order_id).toBe('number');
    const { rows: orders } = await db.pool.query(`select data ->> 'date_order' as d, write_date::text as w from raw_pos_order limit 1`);
    expect(orders[0].d).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(orders[0].w).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const empties = await db.pool.query(`select count(*)::int as n from raw_res_partner where data -> 'email' = 'false'::jsonb`);
    expect(empties.rows[0].n).toBeGreaterThan(0);
  });

  it('a second run with no change changes nothing: same rows, same load sequence', async () => {
    const before = await db.pool.query(`select id, load_seq, extracted_at from raw_pos_order_line order by id`);
    const seqBefore = await db.pool.query(`select max(load_seq) as m from raw_res_partner`);
    const results = await extract();
    expect(results.filter((r) => r.status === 'success').every((r) => r.changed === 0)).toBe(true);
    const after = await db.pool.query(`select id, load_seq, extracted_at from raw_pos_order_line order by id`);
    expect(after.rows).toEqual(before.rows);
    expect((await db.pool.query(`select max(load_seq) as m from raw_res_partner`)).rows[0].m).toBe(seqBefore.rows[0].m);
  });

  it('an update, a create and an archive land on the next run, and nothing else moves', async () => {
    tick(60);
    const [first, second] = (await odoo.search('res.partner', [], { order: 'id' })).slice(0, 2);
    sim.write('res.partner', [first!], { name: 'Renamed Ünïcode 名前' });
    sim.write('res.partner', [second!], { active: false });
    const created = sim.create('res.partner', { name: 'New Customer' });
    const results = await extract({ streams: ['res.partner', 'pos.order'] });
    const partner = results.find((r) => r.stream === 'res.partner')!;
    expect(partner.changed).toBe(3);
    expect(results.find((r) => r.stream === 'pos.order')!.changed).toBe(0);
    expect(await rawName('raw_res_partner', first!)).toBe('Renamed Ünïcode 名前');
    expect(await rawName('raw_res_partner', created)).toBe('New Customer');
    const archived = await db.pool.query(`select data -> 'active' as active from raw_res_partner where id = $1`, [second]);
    expect(archived.rows[0].active).toBe(false);
  });

  it('a page boundary inside one write_date second loses nothing, with keyset pages and no offsets', async () => {
    tick(60);
    const small = projectConfig({ extract: { page_size: 10, lookback_minutes: 0 } });
    const ids = Array.from({ length: 25 }, (_, i) => sim.create('uom.uom', { name: `Batch unit ${i}`, category_id: 1, uom_type: 'bigger', factor: 1 }));
    sim.calls.length = 0;
    await extract({ streams: ['uom.uom'] }, small);
    // Same second, after the run: still caught, even with no lookback, because the window is >= the cursor.
    const late = Array.from({ length: 5 }, (_, i) => sim.create('uom.uom', { name: `Same second ${i}`, category_id: 1, uom_type: 'bigger', factor: 1 }));
    await extract({ streams: ['uom.uom'] }, small);
    const { rows } = await db.pool.query(`select id from raw_uom_uom where id = any($1)`, [[...ids, ...late]]);
    expect(rows).toHaveLength(30);
    expect(await rawCount(db.pool, 'raw_uom_uom')).toBe(sim.count('uom.uom', { activeTest: false }));
    const pages = sim.calls.filter((c) => c.model === 'uom.uom' && c.method === 'search_read');
    expect(pages.length).toBeGreaterThan(3);
    for (const call of pages) expect(call.kwargs.offset ?? 0).toBe(0);
    expect(pages.every((c) => c.kwargs.order === 'id' || c.kwargs.order === 'write_date desc, id desc')).toBe(true);
  });

  it('catches a late commit whose write_date is older than the last high-water mark, inside the lookback', async () => {
    tick(60);
    const [a, b] = (await odoo.search('res.partner', [], { order: 'id' })).slice(5, 7);
    const tx = sim.begin(); // transaction starts now: its writes carry this time
    tick(30);
    sim.write('res.partner', [b!], { name: 'Written after the slow transaction began' });
    tick(90); // past the 60 s allowed for clock skew: the cursor (Odoo's clock less 60 s) passes the transaction's start
    await extract({ streams: ['res.partner'] });
    const state = await readStreamState(db.pool, 'res.partner');
    tx.write('res.partner', [a!], { name: 'Committed late' });
    tx.commit();
    const written = sim.store.get('res.partner', a!)!.write_date as string;
    expect(written.slice(0, 19) < state!.cursor!).toBe(true);
    tick(60);
    await extract({ streams: ['res.partner'] });
    expect(await rawName('raw_res_partner', a!)).toBe('Committed late');
  });

  it('without a lookback window the same late commit is lost (why the window exists)', async () => {
    tick(60);
    // Without the clock-skew allowance either, which would otherwise act as a one-minute lookback.
    const noLookback = projectConfig({ extract: { lookback_minutes: 0, clock_skew_seconds: 0 } });
    const [a, b] = (await odoo.search('res.partner', [], { order: 'id' })).slice(8, 10);
    const tx = sim.begin();
    tick(30);
    sim.write('res.partner', [b!], { name: 'Moves the high-water mark' });
    await extract({ streams: ['res.partner'] }, noLookback);
    tx.write('res.partner', [a!], { name: 'Lost without lookback' });
    tx.commit();
    tick(60);
    await extract({ streams: ['res.partner'] }, noLookback);
    expect(await rawName('raw_res_partner', a!)).not.toBe('Lost without lookback');
    await extract({ streams: ['res.partner'] }); // the default window catches it
    expect(await rawName('raw_res_partner', a!)).toBe('Lost without lookback');
  });

  it("the window follows Odoo's clock, not its last write: after a burst, once the clock is past the lookback a run reads nothing", async () => {
    tick(60);
    const ids = (await odoo.search('res.partner', [], { order: 'id' })).slice(0, 40);
    for (const id of ids) sim.write('res.partner', [id], { comment: 'bulk update' }); // the burst, then Odoo goes quiet
    tick(60);
    const fetched = async () => (await extract({ streams: ['res.partner'] }))[0]!.fetched;
    const first = await fetched(); // the burst, and what earlier tests wrote in the lookback before it
    expect(first).toBeGreaterThanOrEqual(40);
    tick(11 * 60); // quiet: nothing written since
    expect(await fetched()).toBe(first); // the burst is still inside this run's window (its cursor less the lookback)...
    tick(60);
    expect(await fetched()).toBe(0); // ...but not the next one's: before, every run reread it until Odoo wrote again
    const stamp = (await readStreamState(db.pool, 'res.partner'))!.cursor!;
    expect(stamp).toBe(new Date(sim.clock.now().getTime() - 60_000).toISOString().slice(0, 19).replace('T', ' ')); // Odoo's clock less the 60 s skew allowance
  });

  it('a run killed mid-stream resumes its pass: nothing lost, nothing duplicated, no page reread', async () => {
    tick(60);
    const model = 'pos.order.line';
    const ids = await odoo.search(model, [], { order: 'id', context: { active_test: false } });
    for (const id of ids) sim.write(model, [id], { qty: 123.25 });
    const small = projectConfig({ extract: { page_size: 100 } });
    const original = odoo.searchRead.bind(odoo);
    let pages = 0;
    // The fourth page read of the stream (its first page, then ranges read several at once) fails: three have landed.
    odoo.searchRead = (async (m: string, domain: unknown, opts: { order?: string }) => {
      if (m === model && opts.order === 'id' && ++pages === 4) throw new Error('connection lost (simulated kill)');
      return original(m as never, domain as never, opts as never);
    }) as typeof odoo.searchRead;
    const killed = await extract({ streams: [model] }, small);
    odoo.searchRead = original;
    expect(killed[0]!.status).toBe('failed');
    expect(killed[0]!.changed).toBe(0);
    const state = await readStreamState(db.pool, model);
    expect(state!.pass!.lastId).toBeGreaterThan(0);
    const landed = await db.pool.query(`select count(*)::int as n from raw_pos_order_line where data ->> 'qty' = '123.25'`);
    expect(landed.rows[0].n).toBe(300);

    sim.calls.length = 0;
    const resumed = await extract({ streams: [model] }, small);
    expect(resumed[0]!.status).toBe('success');
    expect(resumed[0]!.changed).toBe(ids.length - 300);
    const firstPage = sim.calls.find((c) => c.model === model && c.method === 'search_read' && c.kwargs.order === 'id')!;
    expect(JSON.stringify(firstPage.args[0])).toContain(`["id",">",${state!.pass!.lastId}]`);
    const all = await db.pool.query(`select count(*)::int as n, count(*) filter (where data ->> 'qty' = '123.25')::int as two from raw_pos_order_line`);
    expect(all.rows[0]).toEqual({ n: ids.length, two: ids.length });
    expect((await readStreamState(db.pool, model))!.pass).toBeNull();
  });

  it('one failing stream leaves the others landed and is reported with Odoo’s message', async () => {
    tick(60);
    sim.denyAccess('pos.payment');
    sim.write('res.partner', [1], { name: 'Changed while pos.payment fails' });
    const results = await extract({ streams: ['pos.payment', 'res.partner', 'pos.order'] });
    const failed = results.find((r) => r.stream === 'pos.payment')!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/You are not allowed to access .*\(pos\.payment\)/);
    expect(results.filter((r) => r.stream !== 'pos.payment').every((r) => r.status === 'success')).toBe(true);
    expect(await rawName('raw_res_partner', 1)).toBe('Changed while pos.payment fails');
    const history = await db.pool.query(`select status, error from elt_stream_runs where stream = 'pos.payment' order by started_at desc limit 1`);
    expect(history.rows[0].status).toBe('failed');
    expect(history.rows[0].error).toMatch(/not allowed/);
  });

  it('a project stream with a domain and exclusions lands only what it asks for', async () => {
    const cfg = projectConfig({
      streams: { 'pos.payment.method': {}, 'res.partner': { domain: [['is_company', '=', true]], exclude_fields: ['email', 'x_loyalty_tier'] } },
    });
    const results = await runExtract(odoo, db.pool, cfg, { streams: ['pos.payment.method'] }, memoryLog());
    expect(results[0]).toMatchObject({ stream: 'pos.payment.method', status: 'success' });
    expect(await rawCount(db.pool, 'raw_pos_payment_method')).toBe(sim.count('pos.payment.method', { activeTest: false }));

    await db.pool.query('drop table raw_res_partner cascade'); // and its staging view, which the extract makes again
    await db.pool.query(`delete from elt_stream_state where stream = 'res.partner'`);
    await runExtract(odoo, db.pool, cfg, { streams: ['res.partner'] }, memoryLog());
    const { rows } = await db.pool.query(
      `select count(*)::int as n, count(*) filter (where data ? 'email' or data ? 'x_loyalty_tier')::int as excluded,
              count(*) filter (where data -> 'is_company' = 'true'::jsonb)::int as companies from raw_res_partner`,
    );
    expect(rows[0].n).toBe((await odoo.search('res.partner', [['is_company', '=', true]], { context: { active_test: false } })).length);
    expect(rows[0]).toMatchObject({ excluded: 0, companies: rows[0].n });
  });

  it('a configured stream on a model Odoo lacks is a configuration error before anything lands; a built-in one is skipped with one warning', async () => {
    const cfg = projectConfig({ streams: { 'x_no.such.model': {} } });
    await expect(runExtract(odoo, db.pool, cfg, { streams: ['x_no.such.model', 'uom.uom'] }, memoryLog())).rejects.toThrow(
      "stream x_no.such.model: Object x_no.such.model doesn't exist on this Odoo database (remove it from elt.yml or install its module)",
    );
    expect((await db.pool.query(`select to_regclass('raw_x_no_such_model') as t`)).rows[0].t).toBeNull();
    const log = memoryLog();
    const results = await runExtract(odoo, db.pool, config, { streams: ['hr.version', 'uom.uom'] }, log);
    expect(results.find((r) => r.stream === 'hr.version')).toMatchObject({ status: 'skipped' });
    // Routine for a built-in stream: said in the log, not as a warning on the terminal.
    expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]);
    expect(log.lines.filter((l) => l.level === 'info' && l.msg.startsWith('skipping')).map((l) => l.msg)).toEqual(['skipping hr.version: Odoo has no model hr.version (module not installed)']);
  });
});
