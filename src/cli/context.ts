/**
 * What every command starts from: validated environment, logger, project
 * config, the warehouse pool and, when asked, a connected Odoo client.
 * Everything that can be wrong with the setup fails here, exit 2, before a
 * row is written.
 */
import type { OdooClient } from '../odoo/client.ts';
import { connectAs } from '../odoo/connect.ts';
import { OdooError, OdooLoginError, OdooTransientError } from '../odoo/errors.ts';
import { stripCredentials } from '../odoo/http.ts';
import { createPool, severPool, type Pool } from '../db/pool.ts';
import { loadProjectConfig, type ProjectConfig } from '../extract/project-config.ts';
import { isAbsolute, join, resolve } from 'node:path';
import { connectionOptions, databaseUrl, loadEnv, type Env, type OdooSettings } from './env.ts';
import { UsageError } from './errors.ts';
import { createCommandLogger, type Logger } from './logger.ts';
import { decideOutput, type Output } from './output.ts';
import { runningCommand } from './interrupt.ts';
import { secretValues } from './secrets.ts';
import { firstLine } from './text.ts';

export interface Context {
  readonly env: Env;
  readonly log: Logger;
  /** Where the words go: bars or progress lines, quiet or verbose (output.ts). */
  readonly output: Output;
  readonly config: ProjectConfig;
  /** The project folder: elt.yml, sql/, .env, logs/ and target/ are found there. */
  readonly projectDir: string;
  /** What is running, as the warehouse lock and the log file name it: `run`, or `run()` from the library. */
  readonly command: string | undefined;
  readonly db: Pool;
  /** The library caller's: once aborted, Odoo calls reject and the warehouse pool is cut (see withContextOf). */
  readonly signal?: AbortSignal;
  close(): Promise<void>;
}

/** What a context is made from: the CLI's is the working folder and process.env; a library call's its options. */
export interface ContextSource {
  readonly env: Env;
  /** The raw variables `env` was read from: secrets to mask, libpq's PG* variables. */
  readonly variables: NodeJS.ProcessEnv;
  readonly projectDir: string;
  readonly output: Output;
  /** The caller's logger; default the command's own (output.ts decides where its lines go). */
  readonly log?: Logger;
  readonly threads?: number;
  /** Default the CLI command running (interrupt.ts). */
  readonly command?: string;
  /** Stops the work as the CLI's Ctrl-C does (the library's pipeline functions; see withContextOf). */
  readonly signal?: AbortSignal;
}

/** Runs `fn` with a fresh context, which is closed (the warehouse pool ended) whatever happens. */
export async function withContext<T>(fn: (ctx: Context) => Promise<T>, overrides: { threads?: number } = {}): Promise<T> {
  const env = loadEnv();
  const output = decideOutput({ level: env.LOG_LEVEL, dir: process.cwd() });
  return withContextOf({ env, variables: process.env, projectDir: process.cwd(), output, ...overrides }, fn);
}

/**
 * `withContext` for a given environment and project folder (the library's
 * pipeline functions). An abort of `source.signal` stops the work as `kill -9`
 * would, in process: the Odoo calls in flight reject and every warehouse
 * connection is cut, so open transactions roll back; once the work has wound
 * down the lock is released (its session is kept for that, see keepOnSever)
 * and the call rejects with the signal's reason.
 */
export async function withContextOf<T>(source: ContextSource, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const { signal } = source;
  signal?.throwIfAborted();
  const ctx = createContext(source);
  const stop = () => {
    ctx.log.warn({ reason: firstLine(signal!.reason) }, `${ctx.command ?? 'elt'} stopped by its signal: what was written is kept whole and the next call resumes from there`);
    severPool(ctx.db);
  };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const result = await fn(ctx);
    signal?.throwIfAborted(); // stopped before it ended: as fetch does, the call rejects
    return result;
  } catch (error) {
    // Whatever the cut made fail (a failed query, an aborted Odoo call) was the stop.
    if (signal?.aborted) throw signal.reason;
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
    await ctx.close();
  }
}

function createContext(source: ContextSource): Context {
  const { env, output, projectDir } = source;
  const secrets = secretValues(source.variables);
  const command = source.command ?? runningCommand();
  const log = source.log ?? createCommandLogger(output, secrets, { command, cwd: projectDir, pid: process.pid, msg: `elt ${command ?? ''} started` });
  if (env.ODOO_TLS_INSECURE) {
    log.warn({ variable: 'ODOO_TLS_INSECURE' }, "ODOO_TLS_INSECURE=true: Odoo's TLS certificate is not verified, so anyone on the network path could read or alter the data and the credentials");
  }
  // Paths stay as the user wrote them (relative to the working folder) in the CLI's messages.
  const here = resolve(projectDir) === process.cwd();
  const configFile = env.ELT_CONFIG === undefined || here || isAbsolute(env.ELT_CONFIG) ? env.ELT_CONFIG : join(projectDir, env.ELT_CONFIG);
  const loaded = loadProjectConfig(configFile, here ? '.' : projectDir);
  // --threads wins over elt.yml, and sizes the pool as elt.yml's value would.
  const config = source.threads ? { ...loaded, transform: { threads: source.threads } } : loaded;
  const db = warehousePool(databaseUrl(env, source.variables), config);
  return { env, log, output, config, projectDir, command, db, signal: source.signal, close: () => db.end() };
}

/**
 * Each concurrent stream or model holds at most one connection at a time, the warehouse lock
 * one more: sized so, none waits for a connection (which the connect timeout would fail).
 */
export function warehousePool(url: string | undefined, config: ProjectConfig): Pool {
  return createPool(url, Math.max(10, Math.max(config.extract.concurrency, config.transform.threads) + 3));
}

/** Fails with one line unless the warehouse is reachable and migrated. */
export async function checkWarehouse(db: Pool): Promise<void> {
  let migrated: boolean;
  try {
    const { rows } = await db.query<{ ok: boolean }>(`select to_regclass('elt_stream_state') is not null as ok`);
    migrated = rows[0]!.ok;
  } catch (error) {
    throw new UsageError(`cannot reach the warehouse database: ${firstLine(error)} (check DATABASE_URL)`);
  }
  if (!migrated) throw new UsageError('the warehouse database is not migrated yet: run elt migrate first');
}

/** Picks the transport (ODOO_TRANSPORT, or probing for `auto`) and logs in. */
export async function connectOdoo(settings: OdooSettings, log: Logger, signal?: AbortSignal): Promise<OdooClient> {
  // ODOO_URL may carry a proxy's Basic-auth credentials: never show them.
  const where = stripCredentials(settings.url).replace(/\/$/, '');
  try {
    const client = await connectAs({ ...connectionOptions(settings), logger: log, signal }, 'ODOO_TRANSPORT');
    log.info({ url: where, db: settings.db, login: settings.login, transport: client.transportName, uid: client.uid }, 'connected to Odoo');
    return client;
  } catch (error) {
    if (error instanceof OdooError) throw new UsageError(connectFailure(error, settings, where));
    throw error;
  }
}

/**
 * Nothing has run yet when Odoo cannot be reached or refuses us, so every
 * such failure is a configuration error (exit 2), even an Odoo that is down:
 * the message names the host, says what happened and what to check.
 */
function connectFailure(error: OdooError, settings: OdooSettings, where: string): string {
  if (error instanceof OdooLoginError && settings.hasApiKey) {
    return `cannot log in to Odoo at ${where}: Odoo rejected the API key for user ${settings.login} on database ${settings.db}: check ODOO_API_KEY (it may have expired or been revoked) and ODOO_USERNAME`;
  }
  // Odoo names a missing database in psycopg2's words (XML-RPC, JSON-RPC) or its own (JSON-2).
  const missingDb = /database ["']([^"']+)["'] (?:does not exist|not found)/.exec(error.message);
  if (missingDb) return `cannot log in to Odoo at ${where}: Odoo has no database "${missingDb[1]}": check ODOO_DB`;
  if (error instanceof OdooTransientError) {
    const what = error.status === undefined ? 'did not answer' : 'is not answering normally';
    return `Odoo at ${where} ${what}: ${firstLine(error)}: check ODOO_URL and that the server is up`;
  }
  if (error instanceof OdooLoginError) return `cannot log in to Odoo at ${where}: ${firstLine(error)}`;
  return `cannot connect to Odoo at ${where}: ${firstLine(error)}`;
}
