/** The pipeline's steps, shared by the single-step commands and `elt run`. */
import { setTimeout as delay } from 'node:timers/promises';
import { migrate } from '../db/migrate.ts';
import { ensureRawTable, tableExists } from '../db/raw-tables.ts';
import { rawTableName } from '../db/identifiers.ts';
import { takeWarehouseLock, WarehouseBusyError } from '../db/lock.ts';
import { isConnectionLoss, WarehouseConnectionLost } from '../db/connection-errors.ts';
import { severPool, type Pool } from '../db/pool.ts';
import { runTransform, type TransformOptions } from '../transform/run-transform.ts';
import type { ModelResult } from '../transform/model-state.ts';
import { loadSeeds } from '../transform/seeds.ts';
import { runExtract, type ExtractOptions, type StreamResult } from '../extract/run-extract.ts';
import { resolveStreams } from '../extract/streams.ts';
import { runHashKey } from '../extract/hash-fields.ts';
import { BUILTIN_STREAMS } from '../extract/catalog.ts';
import type { OdooClient } from '../odoo/client.ts';
import { checkWarehouse, connectOdoo, type Context } from './context.ts';
import { databaseUrl, odooSettings } from './env.ts';
import { UsageError } from './errors.ts';
import { startProgress } from './progress.ts';
import { firstLine, plural } from './text.ts';
import { projectPlan } from './project.ts';
import { beginStep, trackExtract, trackTransform } from './interrupt.ts';

export interface MigrateOutcome {
  /** The migrations applied now, by tag, in order. */
  readonly applied: readonly string[];
  /** How many migrations elt has. */
  readonly migrations: number;
  /** Raw tables ready (one per stream, catalog ones included), and how many of them this step created. */
  readonly rawTables: number;
  readonly created: number;
}

/**
 * Applies the migrations and creates the raw table of every configured stream.
 * Prints what it did (formatMigration): always for `elt migrate` (`report:
 * 'always'`), else only when it applied a migration, so a routine `elt run`
 * adds no line; never for the library's `run()`, which prints nothing.
 */
export async function migrateStep(ctx: Context, report: 'always' | 'when-applied' | 'never' = 'when-applied'): Promise<MigrateOutcome> {
  beginStep('migrate');
  const { applied, total } = await migrate(databaseUrl(ctx.env)).catch((error: unknown) => {
    throw new UsageError(`cannot migrate the warehouse database: ${rootCause(error)} (check DATABASE_URL)`);
  });
  // Every catalog stream gets its (maybe empty) raw table even when elt.yml turns it off,
  // so the default models that read it still run instead of failing on a missing table.
  const models = new Set([...BUILTIN_STREAMS.map((s) => s.model), ...resolveStreams(ctx.config).map((s) => s.model)]);
  let created = 0;
  for (const model of models) {
    if (!(await tableExists(ctx.db, rawTableName(model)))) created++;
    await ensureRawTable(ctx.db, model);
  }
  const outcome = { applied, migrations: total, rawTables: models.size, created };
  ctx.log.info({ migrationsApplied: applied, rawTables: models.size, rawTablesCreated: created }, 'warehouse migrated');
  if (report === 'always' || (report === 'when-applied' && applied.length > 0)) console.log(formatMigration(outcome));
  return outcome;
}

/**
 * `applied 2 migrations: 0004_skipped_records, 0005_stream_fields` or
 * `framework tables already up to date (6 migrations)`, then
 * `31 raw tables ready, 3 created` (or `none created`).
 */
export function formatMigration(outcome: MigrateOutcome): string {
  const framework = outcome.applied.length
    ? `applied ${plural(outcome.applied.length, 'migration')}: ${outcome.applied.join(', ')}`
    : `framework tables already up to date (${plural(outcome.migrations, 'migration')})`;
  return `${framework}\n${plural(outcome.rawTables, 'raw table')} ready, ${outcome.created ? `${outcome.created.toLocaleString('en-US')} created` : 'none created'}`;
}

/** `odoo`: a client `elt run` connected before migrating, so a bad login stops it before anything is written. */
export async function extractStep(ctx: Context, options: ExtractOptions, odoo?: OdooClient): Promise<StreamResult[]> {
  const settings = odooSettings(ctx.env);
  // An unknown --streams name, or hash_fields without ELT_HASH_KEY, fails before anything connects.
  const streams = resolveStreams(ctx.config, options.streams);
  runHashKey(streams, ctx.env.ELT_HASH_KEY);
  await checkWarehouse(ctx.db);
  const client = odoo ?? (await connectOdoo(settings, ctx.log, ctx.signal));
  const progress = trackExtract(startProgress(ctx.log, ctx.output.live), streams.length);
  try {
    return await withWarehouseLock(ctx, () => runExtract(client, ctx.db, ctx.config, { ...options, progress, hashKey: ctx.env.ELT_HASH_KEY }, ctx.log));
  } finally {
    progress.close();
  }
}

/** Pools whose session holds the warehouse lock: `elt run` takes it once for all its steps. */
const holding = new WeakSet<Pool>();

/**
 * Extract and transform never run at once on one warehouse: a model's
 * watermark must not pass rows an unfinished extract has not committed yet.
 * A second command refuses (WarehouseBusyError, exit 1) before writing
 * anything. If the lock's connection dies mid-run (PostgreSQL restarted), the
 * lock is gone: the command stops at once, cutting its other connections so
 * nothing more commits, and says so in one line (exit 1).
 */
export async function withWarehouseLock<T>(ctx: Context, fn: () => Promise<T>): Promise<T> {
  if (holding.has(ctx.db)) return fn();
  // Named for this command, so a run it refuses meanwhile can say who is working.
  const lock = await takeWarehouseLock(ctx.db, ctx.command).catch((error: unknown) => {
    if (error instanceof WarehouseBusyError) throw error;
    throw new UsageError(`cannot reach the warehouse database: ${firstLine(error)} (check DATABASE_URL)`);
  });
  let lost: unknown = null;
  lock.lost.catch((error: unknown) => {
    lost = error;
    severPool(ctx.db);
  });
  holding.add(ctx.db);
  const work = fn();
  work.catch(() => {}); // raced below: a late rejection is not unhandled
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await Promise.race([work, lock.lost]) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  holding.delete(ctx.db);
  // The unlock doubles as a check: a failure whose cause shows in other words (a seed or
  // model error) is still a lost connection when the lock's own session is gone too.
  const released = await lock.release();
  if (outcome.ok) return outcome.value;
  if (!lost && released && !isConnectionLoss(outcome.error)) throw outcome.error;
  if (!released) severPool(ctx.db);
  // Its connections are cut, so the work fails fast: let it wind down (a few seconds at
  // most, a silent network can hang a connect) so its log lines come before the verdict.
  await Promise.race([work.catch(() => {}), delay(5_000, undefined, { ref: false })]);
  throw new WarehouseConnectionLost(lost ?? outcome.error);
}

export async function transformStep(ctx: Context, options: Omit<TransformOptions, 'vars' | 'timezone'>): Promise<ModelResult[]> {
  const plan = { ...projectPlan(ctx.config, ctx.projectDir), threads: ctx.config.transform.threads, ...options, timezone: ctx.env.ELT_TIMEZONE };
  await checkWarehouse(ctx.db);
  const progress = trackTransform(startProgress(ctx.log, ctx.output.live));
  try {
    return await withWarehouseLock(ctx, () => runTransform(ctx.db, { ...plan, progress }, ctx.log));
  } finally {
    progress.close();
  }
}

export async function seedStep(ctx: Context): Promise<Array<{ seed: string; table: string; rows: number }>> {
  await checkWarehouse(ctx.db);
  beginStep('seed');
  return loadSeeds(ctx.db, projectPlan(ctx.config, ctx.projectDir).projectDir);
}

/** drizzle wraps the driver's error ("Failed query: ..."); the cause says what went wrong. */
function rootCause(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return firstLine(current);
}
