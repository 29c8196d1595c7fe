import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { extractStream } from '../../src/extract/stream-extract.ts';
import type { PlannedStream } from '../../src/extract/stream-types.ts';
import { ensureRawTable } from '../../src/db/raw-tables.ts';
import { readStreamState } from '../../src/db/stream-state.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

let db: FreshDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const RECORDS = Array.from({ length: 25 }, (_, i) => ({ id: (i + 1) * 2, name: `Item ${i + 1}`, write_date: '2026-11-01 10:00:00' }));
const stream: PlannedStream = {
  name: 'x_pipe.item', model: 'x_pipe.item', domain: [], fields: ['name', 'write_date'], incremental: true, hashFields: [],
  fieldTypes: [{ name: 'name', type: 'char' }, { name: 'write_date', type: 'datetime' }],
};
const settings = { lookbackMinutes: 10, clockSkewSeconds: 60, pageSize: 10, displayNames: false, fullRefresh: false, detectDeletes: false, context: { active_test: false } };

/** A fake Odoo answering keyset pages over RECORDS and logging each page request's lower id bound. */
function fakeOdoo(requests: number[], beforeFirstPage: () => Promise<void> = async () => {}): OdooClient {
  return {
    serverClock: () => null, // no Date header: the high-water mark is read from Odoo
    async searchRead(_model: string, domain: unknown[], opts: { limit?: number; order?: string }) {
      if (opts.order !== 'id') {
        await beforeFirstPage();
        return [RECORDS.at(-1)]; // the high-water mark query
      }
      const bound = domain.find((d): d is [string, string, number] => Array.isArray(d) && d[0] === 'id')![2];
      requests.push(bound);
      return RECORDS.filter((r) => r.id > bound).slice(0, opts.limit);
    },
  } as unknown as OdooClient;
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('extractStream pipelining', () => {
  it('asks for the next page (id > last id fetched) while the last one lands, one page ahead at most; the position moves only with landed pages', async () => {
    await ensureRawTable(db.pool, stream.model);
    const blocker = await db.pool.connect();
    const requests: number[] = [];
    // Once the table exists, the test holds it, so the first page cannot land until the test lets it.
    const run = extractStream(fakeOdoo(requests, async () => {
      await blocker.query('begin');
      await blocker.query('lock table raw_x_pipe_item in exclusive mode');
    }), db.pool, stream, settings);
    try {
      await waitFor(() => requests.length >= 2);
      await new Promise((r) => setTimeout(r, 100)); // would a third page be requested? It must not.
      expect(requests).toEqual([0, 20]);
      expect((await readStreamState(db.pool, stream.name))!.pass!.lastId).toBe(0);
      expect((await db.pool.query(`select count(*)::int as n from raw_x_pipe_item`)).rows[0].n).toBe(0);
    } finally {
      await blocker.query('commit');
      blocker.release();
    }

    expect(await run).toEqual({ fetched: 25, changed: 25, deleted: 0, restored: 0, unreadable: [] });
    expect(requests).toEqual([0, 20, 40]);
    const { rows } = await db.pool.query(`select count(*)::int as n, max(id)::int as max from raw_x_pipe_item`);
    expect(rows[0]).toEqual({ n: 25, max: 50 });
    expect((await readStreamState(db.pool, stream.name))!.pass).toBeNull();
  });

  it('a page that fails after the previous one was asked for leaves the position at the last landed page', async () => {
    await db.pool.query(`delete from elt_stream_state where stream = $1`, [stream.name]);
    await db.pool.query(`truncate raw_x_pipe_item`);
    const requests: number[] = [];
    const odoo = fakeOdoo(requests);
    const original = odoo.searchRead.bind(odoo);
    odoo.searchRead = (async (model: string, domain: unknown[], opts: { order?: string }) => {
      if (opts.order === 'id' && requests.length === 2) {
        requests.push(-1);
        throw new Error('connection lost');
      }
      return original(model as never, domain as never, opts as never);
    }) as typeof odoo.searchRead;
    await expect(extractStream(odoo, db.pool, stream, settings)).rejects.toThrow('connection lost');
    expect(requests).toEqual([0, 20, -1]);
    expect((await readStreamState(db.pool, stream.name))!.pass!.lastId).toBe(40);
    expect((await db.pool.query(`select count(*)::int as n from raw_x_pipe_item`)).rows[0].n).toBe(20);
  });
});
