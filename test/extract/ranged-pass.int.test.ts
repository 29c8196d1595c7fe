/**
 * Ranged passes (ranged-pass.ts): after a full first page, the rest of a
 * stream is listed by id and read several ranges at once through the run's
 * shared request limit; ranges land in id order with the pass's position,
 * so a kill resumes after the last landed range; a range Odoo refuses is
 * read around its bad record; another stream gets its turn meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pLimit, { type LimitFunction } from 'p-limit';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import { extractStream } from '../../src/extract/stream-extract.ts';
import { planStreams } from '../../src/extract/plan.ts';
import { resolveStreams } from '../../src/extract/streams.ts';
import type { ExtractSettings, PlannedStream } from '../../src/extract/stream-types.ts';
import { readStreamState } from '../../src/db/stream-state.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

let sim: Simulator;
let db: FreshDatabase;
let odoo: OdooClient;

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 21 });
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  odoo = await connect(sim);
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

/** `client` with its searchRead replaced (a Proxy: the client keeps private fields a prototype copy cannot reach). */
function withSearchRead(client: OdooClient, searchRead: OdooClient['searchRead']): OdooClient {
  return new Proxy(client, {
    get(target, key) {
      if (key === 'searchRead') return searchRead;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The client with every page read (search_read ordered by id) counted: how many were in flight at most, and in what order they began. */
function watched(client: OdooClient) {
  const seen = { inFlight: 0, most: 0, started: [] as string[] };
  const searchRead = client.searchRead.bind(client);
  const wrapped = withSearchRead(client, (async (model: string, domain: never, options: { order?: string }) => {
    if (options.order !== 'id') return searchRead(model, domain, options as never);
    seen.started.push(model);
    seen.most = Math.max(seen.most, ++seen.inFlight);
    try {
      return await searchRead(model, domain, options as never);
    } finally {
      seen.inFlight--;
    }
  }) as OdooClient['searchRead']);
  return { client: wrapped, seen };
}

async function one(sql: string): Promise<any> {
  return (await db.pool.query(sql)).rows[0];
}

describe('a ranged pass', () => {
  it('reads a large stream odoo_requests pages at once and lands exactly what Odoo has, in id order', async () => {
    const { client, seen } = watched(odoo);
    const config = projectConfig({ extract: { page_size: 40, odoo_requests: 3 } });
    const [result] = await runExtract(client, db.pool, config, { streams: ['pos.order.line'] }, memoryLog());
    expect(result).toMatchObject({ status: 'success' });
    const ids = sim.store.search('pos.order.line', [], { activeTest: false, order: 'id' });
    expect(ids.length).toBeGreaterThan(40 * 6);
    const total = ids.reduce((sum, id) => sum + Number(sim.store.get('pos.order.line', id)!.price_subtotal_incl), 0);
    expect(await one(`select count(*)::int as n, min(id)::int as lo, max(id)::int as hi, round(sum((data ->> 'price_subtotal_incl')::numeric), 2)::float as total from raw_pos_order_line`))
      .toEqual({ n: ids.length, lo: ids[0], hi: ids.at(-1), total: Math.round(total * 100) / 100 });
    expect(result!.fetched).toBe(ids.length);
    expect(seen.most).toBe(3);
    // In id order: load_seq grows with id, so each range was appended after the one before it.
    expect(await one(`select bool_and(ok) as ordered from (select load_seq > lag(load_seq) over (order by id) or lag(load_seq) over (order by id) is null as ok from raw_pos_order_line) as t`))
      .toEqual({ ordered: true });
    // Lean reads: a many2one is the bare id.
    expect(await one(`select jsonb_typeof(data -> 'order_id') as t from raw_pos_order_line limit 1`)).toEqual({ t: 'number' });
  });

  it('with odoo_requests 1 reads one page at a time, the same records', async () => {
    const { client, seen } = watched(odoo);
    const config = projectConfig({ extract: { page_size: 40, odoo_requests: 1 } });
    const [result] = await runExtract(client, db.pool, config, { streams: ['pos.order.line'], fullRefresh: true }, memoryLog());
    expect(result).toMatchObject({ status: 'success', changed: 0, fetched: sim.count('pos.order.line', { activeTest: false }) });
    expect(seen.most).toBe(1);
  });

  it('a kill while ranges are in flight keeps every landed range; the next run resumes after the last one', async () => {
    const stream: PlannedStream = {
      name: 'pos.payment', model: 'pos.payment', domain: [], fields: ['amount', 'write_date'], incremental: true, hashFields: [],
      fieldTypes: [{ name: 'amount', type: 'monetary' }, { name: 'write_date', type: 'datetime' }],
    };
    const ids = sim.store.search('pos.payment', [], { activeTest: false, order: 'id' });
    const settings: ExtractSettings = {
      lookbackMinutes: 10, clockSkewSeconds: 60, pageSize: 20, displayNames: false, fullRefresh: false, detectDeletes: false,
      context: { active_test: false }, requests: pLimit(3),
    };
    // The fifth range's read fails (a dropped connection): ranges 1-4 after the first page have landed, in order.
    let reads = 0;
    const failing = withSearchRead(odoo, (async (model: string, domain: never, options: { order?: string }) => {
      if (options.order === 'id' && ++reads === 6) throw new Error('connection lost');
      return odoo.searchRead(model, domain, options as never);
    }) as OdooClient['searchRead']);
    await expect(extractStream(failing, db.pool, stream, settings)).rejects.toThrow('connection lost');
    const state = await readStreamState(db.pool, 'pos.payment');
    expect(state!.pass!.lastId).toBe(ids[5 * 20 - 1]);
    expect(await one(`select count(*)::int as n, max(id)::int as hi from raw_pos_payment`)).toEqual({ n: 100, hi: ids[99] });

    const { client, seen } = watched(odoo);
    const counts = await extractStream(client, db.pool, stream, settings);
    expect(await one(`select count(*)::int as n from raw_pos_payment`)).toEqual({ n: ids.length });
    // The resumed pass read only what was left (then a fresh pass found nothing new).
    expect(counts.fetched).toBe(ids.length - 100);
    expect(seen.started.length).toBeLessThan(ids.length / 20 + 2);
    expect((await readStreamState(db.pool, 'pos.payment'))!.pass).toBeNull();
  });

  it('a range Odoo refuses is read around its bad record, and the rest of the stream lands', async () => {
    const ids = sim.store.search('pos.order', [], { activeTest: false, order: 'id' });
    const bad = ids[100]!;
    const fix = sim.failCompute({ model: 'pos.order', id: bad, field: 'amount_total', type: 'ValueError', message: 'Expected singleton: res.currency(1, 2)' });
    try {
      const log = memoryLog();
      const [result] = await runExtract(odoo, db.pool, projectConfig({ extract: { page_size: 20, odoo_requests: 3 } }), { streams: ['pos.order'] }, log);
      expect(result).toMatchObject({ status: 'success', unreadable: 1, fetched: ids.length - 1 });
      expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([
        `pos.order record ${bad} cannot be read and was skipped (retried next run): ValueError: Expected singleton: res.currency(1, 2)`,
      ]);
      expect(await one(`select count(*)::int as n, count(*) filter (where id = ${bad})::int as bad from raw_pos_order`)).toEqual({ n: ids.length - 1, bad: 0 });
    } finally {
      fix();
    }
  });

  it("takes turns with another stream: reads start first come, first served, and a large stream keeps at most odoo_requests of them waiting", async () => {
    const { client, seen } = watched(odoo);
    const plan = await planStreams(client, resolveStreams(projectConfig(), ['pos.order.line', 'res.users']), 2);
    const limit = pLimit(2);
    // Each stream asks the one shared limit through its own settings, so each request is known by stream as it queues.
    const queued: Array<{ stream: string; waiting: number }> = [];
    const through = (stream: string): LimitFunction =>
      Object.assign(<T>(fn: () => PromiseLike<T> | T) => {
        queued.push({ stream, waiting: limit.pendingCount });
        return limit(fn);
      }, { concurrency: limit.concurrency }) as unknown as LimitFunction;
    const settingsFor = (stream: string): ExtractSettings => ({
      lookbackMinutes: 10, clockSkewSeconds: 60, pageSize: 20, displayNames: false, fullRefresh: true, detectDeletes: false,
      context: { active_test: false }, requests: through(stream),
    });
    await Promise.all(plan.streams.map((stream) => extractStream(client, db.pool, stream, settingsFor(stream.model))));
    const lineReads = seen.started.filter((m) => m === 'pos.order.line').length;
    expect(lineReads).toBeGreaterThan(20);
    // First come, first served: reads began in the order they queued, whichever stream asked.
    expect(seen.started).toEqual(queued.map((q) => q.stream));
    // When res.users asked, no more than odoo_requests reads of pos.order.line were waiting ahead of it.
    const users = queued.find((q) => q.stream === 'res.users')!;
    expect(users.waiting).toBeLessThanOrEqual(2);
    expect(seen.most).toBe(2);
  });
});
