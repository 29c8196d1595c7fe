/**
 * npm run bench -- [--lines 1000000] [--latency-ms 0] [--naive-lines N] [--transport jsonrpc|xmlrpc|json2]
 *                  [--page-size 1000] [--skip-transform] [--skip-engine] [--threads 4] [--rounds 3]
 *
 * Generates a retail store in the simulator (a child process, about 4,100
 * order lines per unit of scale), extracts pos.order.line and pos.order into
 * a fresh `elt_bench_<random>` database on DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres) in a child process of its own
 * (for its peak RSS), measures landing against COPY and the extract against
 * a naive offset-paged one, then times the fact_sales_lines transform (full
 * refresh against CREATE TABLE AS; incremental after 1 % of the lines
 * changed), then the transform engine on every stream (bench/transform-engine.ts:
 * build and swap against CREATE TABLE AS + keys, 1 thread against N, size
 * after repeated refreshes), prints one table, and drops the database.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { OdooClient } from '../src/odoo/client.ts';
import { createNamedTransport } from '../src/odoo/choose-transport.ts';
import type { TransportName } from '../src/odoo/transport.ts';
import { createPool } from '../src/db/pool.ts';
import { migrate } from '../src/db/migrate.ts';
import { runScriptProcess, startSimulatorProcess, type SimulatorProcess } from './child-processes.ts';
import type { ExtractInput, ExtractOutput } from './extract-process.ts';
import { benchLanding } from './landing.ts';
import { naiveExtract } from './naive-extract.ts';
import { formatTable, perSecond, type BenchRow } from './report.ts';
import { benchFullRefresh, benchIncremental, changeOnePercent, TRANSFORM_SOURCES } from './transform.ts';
import { benchEngine } from './transform-engine.ts';
import { parseProjectConfig } from '../src/extract/project-config.ts';
import { streamNames } from '../src/extract/streams.ts';

const STREAMS = streamNames(parseProjectConfig({}, null));

const LINES_PER_SCALE = 4_100;
const RSS_TARGET_MB = 300;

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '1000000' },
    'latency-ms': { type: 'string', default: '0' },
    'naive-lines': { type: 'string' },
    transport: { type: 'string', default: 'jsonrpc' },
    'page-size': { type: 'string', default: '1000' },
    port: { type: 'string', default: '18169' },
    'skip-transform': { type: 'boolean', default: false },
    'skip-engine': { type: 'boolean', default: false },
    threads: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
  },
});
const lines = positive('lines', values.lines!);
const latencyMs = Number(values['latency-ms']);
const pageSize = positive('page-size', values['page-size']!);
const naiveLines = values['naive-lines'] ? positive('naive-lines', values['naive-lines']) : Math.min(lines, 100_000);
const transport = values.transport as TransportName;
const skipTransform = values['skip-transform']!;
const skipEngine = values['skip-engine']!;
const threads = positive('threads', values.threads!);
const rounds = positive('rounds', values.rounds!);
if (!['xmlrpc', 'jsonrpc', 'json2'].includes(transport)) throw new Error(`--transport must be xmlrpc, jsonrpc or json2, got ${transport}`);

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `elt_bench_${randomBytes(4).toString('hex')}`;
const benchUrl = withDatabase(adminUrl, dbName);

const say = (text: string) => console.error(`[bench] ${text}`);
say(`generating about ${lines.toLocaleString('en-US')} order lines in the simulator (latency ${latencyMs} ms per call)`);
const sim = await startSimulatorProcess({ port: Number(values.port), scale: lines / LINES_PER_SCALE, seed: 1, latencyMs });
await onServer(`create database ${dbName}`);
try {
  await migrate(benchUrl);
  const rows = await measure(sim);
  console.log(`\nodoo-elt bench: ${transport}, page size ${pageSize}, simulated latency ${latencyMs} ms per call\n`);
  console.log(formatTable(rows));
} finally {
  await onServer(`drop database if exists ${dbName} with (force)`);
  await sim.stop();
}

async function measure(sim: SimulatorProcess): Promise<BenchRow[]> {
  const odoo = await OdooClient.connect({
    transport: createNamedTransport(transport, sim.url, 120_000),
    credentials: { url: sim.url, db: sim.db, login: 'admin', secret: 'admin' },
  });
  await warmUp(odoo);
  const extract = async (streams: string[]) => {
    say(`extracting ${streams.join(', ')}`);
    const input: ExtractInput = { odooUrl: sim.url, odooDb: sim.db, databaseUrl: benchUrl, streams, transport, pageSize };
    const out = await runScriptProcess<ExtractOutput>('bench/extract-process.ts', input);
    const failed = out.results.find((r) => r.status === 'failed');
    if (failed) throw new Error(`extract of ${failed.stream} failed: ${failed.error}`);
    return { records: out.results.reduce((sum, r) => sum + r.fetched, 0), seconds: out.seconds, peakRssMb: out.peakRssMb };
  };
  const lineExtract = await extract(['pos.order.line']);
  const orderExtract = await extract(['pos.order']);
  const rss = (mb: number) => `peak RSS ${mb} MB`;

  const pool = createPool(benchUrl, Math.max(4, threads + 2));
  try {
    say('landing vs COPY');
    const landing = await benchLanding(pool, 'pos.order.line', pageSize);
    const copySpeed = perSecond(landing.records, landing.copySeconds);
    say(`naive offset-paged extract of ${naiveLines.toLocaleString('en-US')} lines`);
    const naive = await naiveExtract(odoo, pool, 'pos.order.line', naiveLines, pageSize);
    const naiveSpeed = perSecond(naive.records, naive.seconds);
    const rows: BenchRow[] = [
      { stage: 'extract pos.order.line, end to end', ...lineExtract, baselinePerSecond: naiveSpeed, note: `${rss(lineExtract.peakRssMb)} (target <= ${RSS_TARGET_MB} MB); ratio vs naive` },
      { stage: 'extract pos.order, end to end', ...orderExtract, baselinePerSecond: naiveSpeed, note: `${rss(orderExtract.peakRssMb)}; ratio vs naive` },
      { stage: 'naive extract (offset pages, sequential, JSON upsert)', ...naive, note: 'baseline' },
      { stage: 'landing, first load (landPage: COPY)', records: landing.records, seconds: landing.landSeconds, baselinePerSecond: copySpeed, target: '>= 0.80 x' },
      { stage: 'plain COPY, same pages, same table shape', records: landing.records, seconds: landing.copySeconds, note: 'baseline' },
      { stage: 're-landing unchanged (landPage: COPY + merge)', records: landing.records, seconds: landing.relandSeconds, baselinePerSecond: perSecond(landing.records, landing.recopySeconds), target: '>= 0.80 x', note: `${landing.relandChanged} rows changed` },
      { stage: 'plain COPY again, interleaved with re-landing', records: landing.records, seconds: landing.recopySeconds, note: 'baseline' },
      // Rows from other measurements (XML-RPC decoding: bench/xmlrpc-decode.ts) go here.
    ];
    if (skipTransform) return rows;

    await extract(TRANSFORM_SOURCES);
    say('transform: full refresh of fact_sales_lines vs CREATE TABLE AS');
    const full = await benchFullRefresh(pool);
    say('changing 1 % of the order lines in Odoo');
    const changed = await changeOnePercent(pool, odoo);
    const incrementalExtract = await extract(['pos.order.line', 'pos.order']);
    say('transform: incremental run');
    const incremental = await benchIncremental(pool);
    const time = (a: number, b: number) => `${(a / b).toFixed(2)} x time`;
    rows.push(
      { stage: `incremental extract after ${changed.toLocaleString('en-US')} lines changed`, ...incrementalExtract, note: `${rss(incrementalExtract.peakRssMb)}; lines and orders re-read in the lookback window` },
      { stage: 'transform fact_sales_lines --full-refresh', records: full.rows, seconds: full.fullRefreshSeconds, ratio: time(full.fullRefreshSeconds, full.ctasSeconds), target: '<= 1.50 x time', note: 'ratio vs CREATE TABLE AS' },
      { stage: 'CREATE TABLE AS, same SELECT', records: full.rows, seconds: full.ctasSeconds, note: 'baseline' },
      { stage: 'transform fact_sales_lines, incremental after 1 %', records: incremental.rows, seconds: incremental.seconds, ratio: time(incremental.seconds, full.fullRefreshSeconds), target: '<= 0.05 x time', note: 'ratio vs full refresh; records = rows rewritten' },
    );
    if (skipEngine) return rows;
    const rest = STREAMS.filter((s) => !['pos.order.line', 'pos.order', ...TRANSFORM_SOURCES].includes(s));
    await extract(rest);
    rows.push(...(await benchEngine(pool, { threads, rounds, say })));
    return rows;
  } finally {
    await pool.end();
  }
}

/** A few untimed pages, so the simulator's code is compiled before anything is measured. */
async function warmUp(odoo: OdooClient): Promise<void> {
  for (const model of ['pos.order.line', 'pos.order']) {
    let lastId = 0;
    for (let i = 0; i < 10; i++) {
      const page = await odoo.searchRead(model, [['id', '>', lastId]], { fields: [], order: 'id', limit: pageSize, context: { active_test: false } });
      if (page.length === 0) break;
      lastId = page.at(-1)!.id;
    }
  }
}

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got ${text}`);
  return n;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
