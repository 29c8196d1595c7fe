/**
 * The transform engine against PostgreSQL's own floor, on the landed bench
 * data (every stream): full refresh (build and swap) of fact_sales_lines and
 * of dim_products + fact_sales + fact_sales_lines against CREATE TABLE AS of
 * the same SELECTs plus their primary key; the whole warehouse's full refresh
 * with 1 thread and with N; fact_sales_lines' size after one refresh and
 * after three more. Each pair runs interleaved, `rounds` times; medians.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pool } from '../src/db/pool.ts';
import { inTransaction } from '../src/db/pool.ts';
import { quoteIdent } from '../src/db/identifiers.ts';
import { parseProjectConfig } from '../src/extract/project-config.ts';
import { streamNames } from '../src/extract/streams.ts';
import { compileModel } from '../src/transform/compile.ts';
import { loadProject } from '../src/transform/project.ts';
import { runTransform, type TransformLog } from '../src/transform/run-transform.ts';
import { loadSeeds } from '../src/transform/seeds.ts';
import type { BenchRow } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STREAMS = streamNames(parseProjectConfig({}, null));
const THREE = ['dim_products', 'fact_sales', 'fact_sales_lines'];
const quiet: TransformLog = { info() {}, warn() {}, error: (_obj, msg) => console.error(msg) };

export async function benchEngine(pool: Pool, options: { threads: number; rounds: number; say: (text: string) => void }): Promise<BenchRow[]> {
  const { threads, rounds, say } = options;
  say('engine: the seeds, then a first build of the whole warehouse');
  await loadSeeds(pool, join(ROOT, 'sql', 'seeds'));
  await build(pool, { fullRefresh: false, threads });
  const rowsOf = async (table: string) => Number((await pool.query(`select count(*) as n from ${quoteIdent(table)}`)).rows[0].n);
  const lines = await rowsOf('fact_sales_lines');
  const three = (await Promise.all(THREE.map(rowsOf))).reduce((a, b) => a + b, 0);

  say(`engine: fact_sales_lines full refresh vs CREATE TABLE AS + primary key (${rounds} rounds)`);
  const fsl = await pairs(rounds, () => build(pool, { select: ['fact_sales_lines'], fullRefresh: true, threads: 1 }), () => ctas(pool, ['fact_sales_lines']));
  say('engine: dim_products, fact_sales, fact_sales_lines: full refresh with 1 thread, with N, and CREATE TABLE AS');
  const one = await pairs(rounds, () => build(pool, { select: THREE, fullRefresh: true, threads: 1 }), () => ctas(pool, THREE));
  const many = await median(rounds, () => build(pool, { select: THREE, fullRefresh: true, threads }));
  say(`engine: whole warehouse full refresh, 1 thread vs ${threads}`);
  const whole = await pairs(rounds, () => build(pool, { fullRefresh: true, threads: 1 }), () => build(pool, { fullRefresh: true, threads }));
  const models = loadProject(ROOT, STREAMS).models.length;

  say('engine: fact_sales_lines size after one full refresh and after three more');
  await build(pool, { select: ['fact_sales_lines'], fullRefresh: true, threads: 1 });
  const size = async () => Number((await pool.query(`select pg_total_relation_size('fact_sales_lines') as n`)).rows[0].n) / 2 ** 20;
  const once = await size();
  for (let i = 0; i < 3; i++) await build(pool, { select: ['fact_sales_lines'], fullRefresh: true, threads: 1 });
  const thrice = await size();

  const x = (a: number, b: number) => `${(a / b).toFixed(2)} x time`;
  return [
    { stage: 'fact_sales_lines --full-refresh (build and swap)', records: lines, seconds: fsl.a, ratio: x(fsl.a, fsl.b), target: '<= 1.10 x time', note: 'ratio vs CREATE TABLE AS + primary key' },
    { stage: 'CREATE TABLE AS + primary key, fact_sales_lines', records: lines, seconds: fsl.b, note: 'baseline' },
    { stage: '3 models --full-refresh, 1 thread', records: three, seconds: one.a, ratio: x(one.a, one.b), note: 'dim_products, fact_sales, fact_sales_lines; ratio vs CREATE TABLE AS + keys' },
    { stage: `3 models --full-refresh, ${threads} threads`, records: three, seconds: many, ratio: x(many, one.b), note: 'ratio vs CREATE TABLE AS + keys, one after the other' },
    { stage: 'CREATE TABLE AS + primary key, the 3 models', records: three, seconds: one.b, note: 'baseline' },
    { stage: `whole warehouse --full-refresh, ${threads} threads`, records: models, seconds: whole.b, ratio: `${(whole.a / whole.b).toFixed(2)} x faster`, target: '>= 1.30 x faster', note: `records = models; ratio vs 1 thread` },
    { stage: 'whole warehouse --full-refresh, 1 thread', records: models, seconds: whole.a, note: 'baseline' },
    { stage: 'fact_sales_lines size after 3 more full refreshes', records: lines, seconds: 0, ratio: `${(thrice / once).toFixed(2)} x size`, target: '<= 1.10 x size', note: `${thrice.toFixed(1)} MB vs ${once.toFixed(1)} MB after one` },
  ];
}

async function build(pool: Pool, options: { select?: string[]; fullRefresh: boolean; threads: number }): Promise<number> {
  const started = performance.now();
  const results = await runTransform(pool, { projectDir: ROOT, streams: STREAMS, ...options }, quiet);
  const failed = results.find((r) => r.status !== 'success');
  if (failed) throw new Error(`${failed.model} ${failed.status}: ${failed.error}`);
  return (performance.now() - started) / 1000;
}

/** CREATE TABLE AS of each model's full SELECT, then its primary key, one after the other (the settings materialize() runs with). */
async function ctas(pool: Pool, names: readonly string[]): Promise<number> {
  const project = loadProject(ROOT, STREAMS);
  let seconds = 0;
  for (const name of names) {
    const model = project.byName.get(name)!;
    const select = compileModel(model, { watermarks: null, vars: {} });
    const table = `bench_ctas_${name}`;
    // As materialize() writes it: rows of deleted records left out, deleted_at not a column.
    const fields = (await pool.query(`select * from (${select}) as m limit 0`)).fields.map((f) => f.name);
    const kept = fields.filter((f) => f !== 'deleted_at').map((f) => `m.${quoteIdent(f)}`).join(', ');
    const live = fields.includes('deleted_at') ? ' where m.deleted_at is null' : '';
    const started = performance.now();
    await inTransaction(pool, async (client) => {
      await client.query(`select set_config('elt.timezone', 'UTC', true)`);
      await client.query('set local jit = off');
      await client.query(`create table ${table} as select ${kept} from (${select}) as m${live}`);
      await client.query(`alter table ${table} add primary key (${model.uniqueKey.map(quoteIdent).join(', ')})`);
    });
    seconds += (performance.now() - started) / 1000;
    await pool.query(`drop table ${table}`);
  }
  return seconds;
}

/** `a` and `b` run alternately `rounds` times; the median of each. */
async function pairs(rounds: number, a: () => Promise<number>, b: () => Promise<number>): Promise<{ a: number; b: number }> {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    as.push(await a());
    bs.push(await b());
  }
  return { a: mid(as), b: mid(bs) };
}

async function median(rounds: number, f: () => Promise<number>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < rounds; i++) xs.push(await f());
  return mid(xs);
}

function mid(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)]!;
}
