/**
 * Transform figures for `fact_sales_lines` (the biggest mart), after its
 * sources are extracted: a `--full-refresh` run against `CREATE TABLE AS` of
 * the same compiled SELECT (same session settings), and an incremental run
 * after 1 % of the order lines changed in Odoo (written through the
 * simulator's RPC `write`, then extracted as `elt extract` would).
 */
import { fileURLToPath } from 'node:url';
import type { Pool } from '../src/db/pool.ts';
import { inTransaction } from '../src/db/pool.ts';
import type { OdooClient } from '../src/odoo/client.ts';
import { compileModel } from '../src/transform/compile.ts';
import { loadProject } from '../src/transform/project.ts';
import { runTransform, type TransformLog } from '../src/transform/run-transform.ts';
import { parseProjectConfig } from '../src/extract/project-config.ts';
import { streamNames } from '../src/extract/streams.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODEL = 'fact_sales_lines';
/** What fact_sales_lines reads, besides pos.order.line and pos.order. */
export const TRANSFORM_SOURCES = ['loyalty.reward', 'pos.session', 'sale.order', 'sale.order.line'];
/** The streams the models may read, so their staging views resolve (as `elt transform` passes them). */
const STREAMS = streamNames(parseProjectConfig({}, 'bench'));

export interface TransformFigures {
  readonly rows: number;
  readonly fullRefreshSeconds: number;
  readonly ctasSeconds: number;
  readonly changedLines: number;
  readonly incrementalRows: number;
  readonly incrementalSeconds: number;
}

const quiet: TransformLog = { info() {}, warn() {}, error: (_obj, msg) => console.error(msg) };

/** Runs the full refresh and its CREATE TABLE AS baseline. The sources must be landed. */
export async function benchFullRefresh(pool: Pool): Promise<Pick<TransformFigures, 'rows' | 'fullRefreshSeconds' | 'ctasSeconds'>> {
  await build(pool, false); // the first build, so the refresh below replaces a full table as it would in production
  const started = performance.now();
  const rows = await build(pool, true);
  const fullRefreshSeconds = (performance.now() - started) / 1000;

  const model = loadProject(ROOT, STREAMS).models.find((m) => m.name === MODEL)!;
  const select = compileModel(model, { watermarks: null, vars: {} });
  const ctasStarted = performance.now();
  await inTransaction(pool, async (client) => {
    // The settings materialize() runs with, so both sides plan alike.
    await client.query(`select set_config('elt.timezone', 'UTC', true)`);
    await client.query('set local jit = off');
    await client.query(`create table bench_ctas as ${select}`);
  });
  const ctasSeconds = (performance.now() - ctasStarted) / 1000;
  await pool.query('drop table bench_ctas');
  return { rows, fullRefreshSeconds, ctasSeconds };
}

/** Writes 1 % of the order lines in Odoo; returns how many. */
export async function changeOnePercent(pool: Pool, odoo: OdooClient): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(`select id from raw_pos_order_line where id % 100 = 0 order by id`);
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 1000) await odoo.executeKw('pos.order.line', 'write', [ids.slice(i, i + 1000), { qty: 99 }]);
  return ids.length;
}

/** The incremental run after the changed lines were extracted. */
export async function benchIncremental(pool: Pool): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const rows = await build(pool, false);
  return { rows, seconds: (performance.now() - started) / 1000 };
}

async function build(pool: Pool, fullRefresh: boolean): Promise<number> {
  const [result] = await runTransform(pool, { projectDir: ROOT, select: [MODEL], fullRefresh, streams: STREAMS }, quiet);
  if (result?.status !== 'success') throw new Error(`${MODEL} failed: ${result?.error}`);
  return result.rows ?? 0;
}
