/**
 * Landing alone, against its baseline in the same run: the rows an extract
 * landed in `raw_<model>` are read back page by page (not timed) and, for
 * each page, landed with `landPage` into a fresh raw table (what the extract
 * does) and copied with a plain `COPY` into an identical empty table, each
 * in its own transaction; which goes first alternates per page, so caches
 * and background work weigh on both alike. Then every page is landed again
 * unchanged (the merge path: staging table and guarded upsert), interleaved
 * the same way with a COPY into a second empty table: the first load leaves
 * autovacuum busy, and both sides of that ratio must pay for it alike.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Pool, PoolClient } from '../src/db/pool.ts';
import { inTransaction } from '../src/db/pool.ts';
import { copyText, ensureRawTable, type LandedRecord } from '../src/db/raw-tables.ts';
import { beginPass, landPage } from '../src/db/stream-state.ts';
import { quoteIdent, rawTableName } from '../src/db/identifiers.ts';

export interface LandingFigures {
  readonly records: number;
  /** landPage into an empty raw table (the append path). */
  readonly landSeconds: number;
  /** Plain COPY of the same pages into an identical empty table. */
  readonly copySeconds: number;
  /** landPage of the same pages again, nothing changed (the merge path). */
  readonly relandSeconds: number;
  /** Plain COPY into a second empty table, interleaved with the re-landing. */
  readonly recopySeconds: number;
  readonly relandChanged: number;
}

const TARGET_MODEL = 'x_bench.landing';
const BASELINE = 'bench_copy_baseline';
const BASELINE_AGAIN = 'bench_copy_baseline_again';

export async function benchLanding(pool: Pool, model: string, pageSize: number, limit = Infinity): Promise<LandingFigures> {
  const target = await ensureRawTable(pool, TARGET_MODEL);
  await pool.query(`truncate ${quoteIdent(target)}; drop table if exists ${BASELINE}; create table ${BASELINE} (like ${quoteIdent(target)} including all);
    drop table if exists ${BASELINE_AGAIN}; create table ${BASELINE_AGAIN} (like ${quoteIdent(target)} including all)`);
  await beginPass(pool, TARGET_MODEL, TARGET_MODEL, { hwm: null, since: null, lastId: 0, full: true });
  let records = 0;
  let landSeconds = 0;
  let copySeconds = 0;
  let relandSeconds = 0;
  let recopySeconds = 0;
  let relandChanged = 0;
  for (const again of [false, true]) {
    let n = 0;
    for await (const page of pages(pool, model, pageSize, limit)) {
      const land = async () => {
        const started = performance.now();
        const changed = await landPage(pool, TARGET_MODEL, TARGET_MODEL, page);
        if (again) relandChanged += changed;
        return (performance.now() - started) / 1000;
      };
      const copy = () => timed(() => inTransaction(pool, (c) => copyPage(c, again ? BASELINE_AGAIN : BASELINE, page)));
      let landTime: number;
      let copyTime: number;
      if (n++ % 2 === 0) {
        landTime = await land();
        copyTime = await copy();
      } else {
        copyTime = await copy();
        landTime = await land();
      }
      if (again) {
        relandSeconds += landTime;
        recopySeconds += copyTime;
      } else {
        landSeconds += landTime;
        copySeconds += copyTime;
        records += page.length;
      }
    }
  }
  await pool.query(`drop table ${quoteIdent(target)}, ${BASELINE}, ${BASELINE_AGAIN}`);
  await pool.query('delete from elt_stream_state where stream = $1', [TARGET_MODEL]);
  return { records, landSeconds, copySeconds, relandSeconds, recopySeconds, relandChanged };
}

/** A plain COPY of one page's id, write_date and data, encoded the way landRecords encodes them (without its hash). */
async function copyPage(client: PoolClient, table: string, page: readonly LandedRecord[]): Promise<void> {
  await pipeline(Readable.from([Buffer.from(copyText(page, { hash: false }))]), client.query(copyFrom(`copy ${table} (id, write_date, data) from stdin`)));
}

/** The landed records of `model`, as Odoo sent them, in keyset pages. */
async function* pages(pool: Pool, model: string, pageSize: number, limit: number): AsyncGenerator<LandedRecord[]> {
  const source = quoteIdent(rawTableName(model));
  let lastId = 0;
  let read = 0;
  while (read < limit) {
    const { rows } = await pool.query<{ id: number; data: string }>(`select id, data::text as data from ${source} where id > $1 order by id limit $2`, [lastId, Math.min(pageSize, limit - read)]);
    if (rows.length === 0) return;
    lastId = rows.at(-1)!.id;
    read += rows.length;
    yield rows.map((r) => JSON.parse(r.data) as LandedRecord);
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}
