/**
 * npm run bench:odoo -- [--runs 2] [--full-refresh] [--streams a,b] [--transport xmlrpc|jsonrpc|json2]
 *
 * `elt extract` against a real Odoo: the one in .env or the environment
 * (ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY,
 * ODOO_TRANSPORT) into the warehouse DATABASE_URL (migrated first; its raw
 * tables are written as by elt extract, so point it at a scratch one). Each
 * run is timed from the login to the last stream landed and printed per
 * stream: records, requests (every Odoo call, counted on the transport), wall
 * seconds, records/s; the run-level calls on a line of their own. `--runs N`
 * (default 2): a first run, then N-1 immediate reruns, which show what a run
 * with nothing (or little) new costs; `--full-refresh` makes the first a full
 * refresh. Then, in the same process, the sequential `search_read` reader the
 * original Python ETL was reads the same streams and fields, for a ratio.
 * With ODOO_LOG set to Odoo's server log, each also gets Odoo's own SQL and
 * Python seconds from the lines it appended there (bench/odoo-log.ts).
 */
import { parseArgs } from 'node:util';
import { databaseUrl, loadEnv, odooSettings, type OdooSettings } from '../src/cli/env.ts';
import { connectOdoo, warehousePool } from '../src/cli/context.ts';
import { createLogger } from '../src/cli/logger.ts';
import { secretValues } from '../src/cli/secrets.ts';
import { migrate } from '../src/db/migrate.ts';
import { OdooClient } from '../src/odoo/client.ts';
import { createNamedTransport } from '../src/odoo/choose-transport.ts';
import { stripCredentials } from '../src/odoo/http.ts';
import type { TransportName } from '../src/odoo/transport.ts';
import { planStreams } from '../src/extract/plan.ts';
import { loadProjectConfig } from '../src/extract/project-config.ts';
import { runExtract } from '../src/extract/run-extract.ts';
import { resolveStreams } from '../src/extract/streams.ts';
import { countingTransport, formatStreams, RequestCounter, sequentialRead, type StreamFigures } from './odoo-counting.ts';
import { appendedSince, formatOdooLog, logSize, sumOdooLog } from './odoo-log.ts';

const TRANSPORTS = ['xmlrpc', 'jsonrpc', 'json2'];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2' },
    'full-refresh': { type: 'boolean', default: false },
    streams: { type: 'string' },
    transport: { type: 'string' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
if (values.transport && !TRANSPORTS.includes(values.transport)) throw new Error(`--transport must be ${TRANSPORTS.join(', ')}, got ${values.transport}`);
const selected = values.streams?.split(',').map((s) => s.trim()).filter(Boolean);

const env = loadEnv(process.env, '.env', ['odoo', 'warehouse']);
const settings: OdooSettings = { ...odooSettings(env), ...(values.transport ? { transport: values.transport as TransportName } : {}) };
const warehouseUrl = databaseUrl(env);
const config = loadProjectConfig(env.ELT_CONFIG);
const streams = resolveStreams(config, selected); // an unknown --streams name fails here, before anything connects
const odooLog = process.env.ODOO_LOG;
// Warnings and errors only: the tables are the output (LOG_LEVEL=info shows elt's own lines too).
const log = createLogger(process.env.LOG_LEVEL ?? 'warn', secretValues());

// The header's client: probes the transport when ODOO_TRANSPORT=auto, as elt does, outside any count.
const odoo = await connectOdoo(settings, log);
const version = await odoo.version();
const transport = odoo.transportName;
console.log(`odoo-elt bench:odoo, ${new Date().toISOString()}`);
console.log(`Odoo ${version.serverVersion} at ${stripCredentials(settings.url).replace(/\/$/, '')} (database ${settings.db}), transport ${transport}`);
console.log(`${streams.length} streams, extract concurrency ${config.extract.concurrency}, page size ${config.extract.pageSize}${odooLog ? `, Odoo log ${odooLog}` : ''}`);

const migrated = await migrate(warehouseUrl);
if (migrated.applied.length) console.log(`warehouse migrated: ${migrated.applied.join(', ')}`);
const pool = warehousePool(warehouseUrl, config);
try {
  const walls: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const fullRefresh = run === 1 && values['full-refresh'];
    const title = run === 1 ? `run 1${fullRefresh ? ', full refresh' : ''}` : `run ${run}, right after run ${run - 1}`;
    walls.push(await extractRun(title, fullRefresh));
  }
  const naive = await sequentialRun();
  const ratios = walls.map((wall, i) => `run ${i + 1} ${(naive / wall).toFixed(2)} x`).join(', ');
  console.log(`\nsequential reader's wall / ours: ${ratios} (above 1: ours is faster)`);
} finally {
  await pool.end();
}

/** One `elt extract` as the CLI runs it, minus process start: log in, then runExtract. Returns its wall seconds. */
async function extractRun(title: string, fullRefresh: boolean): Promise<number> {
  const counter = new RequestCounter(new Set(streams.map((s) => s.model)));
  const logFrom = odooLog ? await logSize(odooLog) : 0;
  const started = performance.now();
  // A fresh client per run, as each elt extract logs in anew; the transport is the one chosen above.
  const client = await OdooClient.connect({
    transport: countingTransport(createNamedTransport(transport, settings.url, settings.timeoutMs, { insecureTls: settings.insecureTls }), counter),
    credentials: { url: settings.url, db: settings.db, login: settings.login, secret: settings.secret },
    retry: { retries: settings.retries },
    logger: log,
  });
  const results = await runExtract(client, pool, config, { streams: selected, fullRefresh }, log);
  const wall = (performance.now() - started) / 1000;
  const rows: StreamFigures[] = results
    .map((r) => ({
      stream: r.stream,
      records: r.fetched,
      requests: counter.byModel.get(streams.find((s) => s.name === r.stream)?.model ?? r.stream) ?? 0,
      seconds: r.seconds,
      note: r.status === 'success' ? '' : `${r.status}: ${r.error ?? ''}`,
    }))
    .sort((a, b) => a.stream.localeCompare(b.stream));
  const requests = rows.reduce((sum, r) => sum + r.requests, 0) + counter.runLevelTotal;
  console.log(`\n${title} (streams run ${config.extract.concurrency} at a time: their seconds, to a tenth, overlap; the total's are the run's wall)\n`);
  console.log(
    formatStreams(rows, { stream: 'total', records: sum(rows, 'records'), requests, seconds: wall }, { label: counter.describeRunLevel(), requests: counter.runLevelTotal }),
  );
  const perStream = (n: number) => (n / Math.max(1, rows.length)).toFixed(2);
  console.log(`${perStream(requests)} requests per stream (${perStream(requests - counter.runLevelTotal)} without the run-level ones)`);
  if (odooLog) console.log(formatOdooLog(sumOdooLog(await appendedSince(odooLog, logFrom))));
  return wall;
}

/**
 * The same streams and fields (as the extract plans them: planning is not timed) read the
 * way the original Python ETL did. Returns its wall seconds.
 */
async function sequentialRun(): Promise<number> {
  const plan = await planStreams(odoo, streams, config.extract.concurrency);
  const logFrom = odooLog ? await logSize(odooLog) : 0;
  const started = performance.now();
  const rows: StreamFigures[] = [];
  for (const stream of [...plan.streams].sort((a, b) => a.name.localeCompare(b.name))) {
    rows.push({ ...(await sequentialRead(odoo, stream.model, stream.fields)), stream: stream.name });
  }
  const wall = (performance.now() - started) / 1000;
  console.log(`\nsequential search_read reader (offset pages of 1000, one request at a time, nothing written)\n`);
  console.log(formatStreams(rows, { stream: 'total', records: sum(rows, 'records'), requests: sum(rows, 'requests'), seconds: wall }));
  if (odooLog) console.log(formatOdooLog(sumOdooLog(await appendedSince(odooLog, logFrom))));
  return wall;
}

function sum(rows: readonly StreamFigures[], key: 'records' | 'requests'): number {
  return rows.reduce((total, r) => total + r[key], 0);
}
