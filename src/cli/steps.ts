/** The pipeline's steps, shared by the single-step commands and `elt run`. */
import { migrate } from '../db/migrate.ts';
import { ensureRawTable } from '../db/raw-tables.ts';
import { tryWarehouseLock } from '../db/lock.ts';
import { runTransform, type TransformOptions } from '../transform/run-transform.ts';
import type { ModelResult } from '../transform/model-state.ts';
import { loadSeeds } from '../transform/seeds.ts';
import { runExtract, type ExtractOptions, type StreamResult } from '../extract/run-extract.ts';
import { resolveStreams } from '../extract/streams.ts';
import { BUILTIN_STREAMS } from '../extract/catalog.ts';
import { checkWarehouse, connectOdoo, type Context } from './context.ts';
import { databaseUrl, odooSettings } from './env.ts';
import { UsageError } from './errors.ts';

/** Applies the migrations and creates the raw table of every configured stream; returns how many. */
export async function migrateStep(ctx: Context): Promise<number> {
  await migrate(databaseUrl(ctx.env)).catch((error: unknown) => {
    throw new UsageError(`cannot migrate the warehouse database: ${error instanceof Error ? error.message.split('\n')[0] : error} (check DATABASE_URL)`);
  });
  // Every catalog stream gets its (maybe empty) raw table even when elt.yml turns it off,
  // so the default models that read it still run instead of failing on a missing table.
  const models = new Set([...BUILTIN_STREAMS.map((s) => s.model), ...resolveStreams(ctx.config).map((s) => s.model)]);
  for (const model of models) await ensureRawTable(ctx.db, model);
  ctx.log.info({ rawTables: models.size }, 'warehouse migrated');
  return models.size;
}

export async function extractStep(ctx: Context, options: ExtractOptions): Promise<StreamResult[]> {
  const settings = odooSettings(ctx.env);
  await checkWarehouse(ctx.db);
  const odoo = await connectOdoo(settings, ctx.log);
  return withWarehouseLock(ctx, () => runExtract(odoo, ctx.db, ctx.config, options, ctx.log));
}

/**
 * Extract and transform never run at once on one warehouse: a model's
 * watermark must not pass rows an unfinished extract has not committed yet.
 */
export async function withWarehouseLock<T>(ctx: Context, fn: () => Promise<T>): Promise<T> {
  const lock = await tryWarehouseLock(ctx.db);
  if (!lock) throw new Error('another elt run, extract or transform is working on this warehouse (advisory lock held): try again when it ends');
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

export async function transformStep(ctx: Context, options: Omit<TransformOptions, 'vars' | 'timezone'>): Promise<ModelResult[]> {
  const plan = { ...options, vars: ctx.config.vars, timezone: ctx.env.ELT_TIMEZONE };
  await checkWarehouse(ctx.db);
  return withWarehouseLock(ctx, () => runTransform(ctx.db, plan, ctx.log));
}

export async function seedStep(ctx: Context): Promise<Array<{ seed: string; table: string; rows: number }>> {
  await checkWarehouse(ctx.db);
  return loadSeeds(ctx.db, 'sql/seeds'); // relative, so messages name sql/seeds/x.csv
}

/** One line per model: name, materialization, status, rows, seconds; then a count line. */
export function formatTransformSummary(results: readonly ModelResult[]): string {
  const width = Math.max(5, ...results.map((r) => r.model.length));
  const lines = results.map((r) => {
    const rows = r.rows === null ? '-' : `${plural(r.rows, 'row')}`;
    const tail = r.status === 'success' ? `${rows}  ${r.seconds.toFixed(1)} s` : r.error ?? '';
    return `${r.model.padEnd(width)}  ${r.materialized.padEnd(11)}  ${r.status.padEnd(7)}  ${tail}`;
  });
  const count = (status: ModelResult['status']) => results.filter((r) => r.status === status).length;
  const parts = [`${count('success')} ok`, count('failed') && `${count('failed')} failed`, count('skipped') && `${count('skipped')} skipped`];
  lines.push(`${plural(results.length, "model")}: ${parts.filter(Boolean).join(', ')}`);
  return lines.join('\n');
}

/** One line per stream: name, status, records fetched and changed, seconds; then a count line. */
export function formatExtractSummary(results: readonly StreamResult[]): string {
  const width = Math.max(6, ...results.map((r) => r.stream.length));
  const lines = [...results]
    .sort((a, b) => a.stream.localeCompare(b.stream))
    .map((r) => {
      if (r.status === 'skipped') return `${r.stream.padEnd(width)}  skipped  ${r.error ?? ''}`;
      const deletes = r.deleted || r.restored ? `, ${r.deleted.toLocaleString('en-US')} deleted, ${r.restored.toLocaleString('en-US')} restored` : '';
      const counts = `${plural(r.fetched, 'record')}, ${r.changed.toLocaleString('en-US')} changed${deletes}  ${r.seconds.toFixed(1)} s`;
      return `${r.stream.padEnd(width)}  ${r.status.padEnd(7)}  ${counts}${r.status === 'failed' ? `  ${r.error ?? ''}` : ''}`;
    });
  const count = (status: StreamResult['status']) => results.filter((r) => r.status === status).length;
  const parts = [`${count('success')} ok`, count('skipped') && `${count('skipped')} skipped`, count('failed') && `${count('failed')} failed`];
  lines.push(`${plural(results.length, "stream")}: ${parts.filter(Boolean).join(', ')}`);
  return lines.join('\n');
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
