/**
 * One `elt extract`: plan every stream against Odoo, then extract them a
 * bounded number at a time. A failing stream is recorded and does not stop
 * the others.
 */
import pLimit from 'p-limit';
import type { StreamResult } from './stream-result.ts';
import type { OdooClient } from '../odoo/client.ts';
import type { Pool } from '../db/pool.ts';
import { recordStreamError } from '../db/stream-state.ts';
import { refreshStaging } from '../db/staging.ts';
import { finishRun, recordStreamRun, startRun } from '../db/runs.ts';
import { planStreams } from './plan.ts';
import { cachedFieldsOf, type FieldsOf } from './fields-cache.ts';
import { BUILTIN_STREAMS } from './catalog.ts';
import { stageCatalogStreams, warehouseFieldsOf } from './catalog-staging.ts';
import type { ProjectConfig } from './project-config.ts';
import { extractStream } from './stream-extract.ts';
import type { ExtractSettings, PlannedStream } from './stream-types.ts';
import { resolveStreams } from './streams.ts';
import { runHashKey } from './hash-fields.ts';
import type { ExtractProgress } from './progress.ts';
import { firstLine } from '../util/first-line.ts';

/** What extract logs through: pino fits it, and so does a test's spy. */
export interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ExtractOptions {
  readonly streams?: readonly string[];
  readonly fullRefresh?: boolean;
  readonly detectDeletes?: boolean;
  /** A progress display (progress.ts); none by default. */
  readonly progress?: ExtractProgress;
  /** ELT_HASH_KEY: required when a stream has hash_fields. */
  readonly hashKey?: string;
  /** fields_get answers this run already asked for (elt run's check before it migrates: askOnce). */
  readonly fieldsOf?: FieldsOf;
}

export type { StreamResult } from './stream-result.ts';

export async function runExtract(odoo: OdooClient, db: Pool, config: ProjectConfig, options: ExtractOptions, log: Log): Promise<StreamResult[]> {
  const streams = resolveStreams(config, options.streams);
  const hashKey = runHashKey(streams, options.hashKey);
  const fieldsOf = await cachedFieldsOf(odoo, db, [...new Set(streams.map((s) => s.model))], options.fullRefresh ?? false, options.fieldsOf);
  const plan = await planStreams(odoo, streams, config.extract.concurrency, fieldsOf);
  // Built-in streams whose module this Odoo lacks: routine, the summary lists them as skipped.
  for (const { stream, reason } of plan.skipped) {
    log.info({ stream }, `skipping ${stream}: ${reason}`);
    options.progress?.onStreamEnd(stream, 'skipped');
  }

  const settings: ExtractSettings = {
    lookbackMinutes: config.extract.lookbackMinutes,
    clockSkewSeconds: config.extract.clockSkewSeconds,
    pageSize: config.extract.pageSize,
    displayNames: config.extract.displayNames,
    requests: pLimit(config.extract.odooRequests),
    fullRefresh: options.fullRefresh ?? false,
    detectDeletes: options.detectDeletes ?? false,
    context: await readContext(odoo, log),
    progress: options.progress,
    hashKey,
  };
  const runId = await startRun(db, 'extract');
  const limit = pLimit(config.extract.concurrency);
  const results = await Promise.all(
    plan.streams.map((stream) =>
      limit(async (): Promise<StreamResult> => {
        const started = performance.now();
        options.progress?.onStreamStart?.(stream.name);
        log.info({ stream: stream.name, fields: stream.fields.length }, `extracting ${stream.name}`);
        try {
          const { unreadable, ...counts } = await extractStream(odoo, db, stream, settings);
          for (const { id, error } of unreadable) {
            log.warn({ stream: stream.name, id, err: error }, `${stream.model} record ${id} cannot be read and was skipped (retried next run): ${error}`);
          }
          await stageStream(db, stream, config.extract.displayNames, log);
          const result = { stream: stream.name, status: 'success', ...counts, unreadable: unreadable.length, seconds: elapsed(started) } as const;
          await recordStreamRun(db, runId, stream.name, performance.now() - started, result);
          log.info({ stream: stream.name, ...counts, unreadable: unreadable.length, seconds: result.seconds }, `extracted ${stream.name}`);
          options.progress?.onStreamEnd(stream.name, 'success');
          return result;
        } catch (error) {
          const message = firstLine(error);
          const result = { stream: stream.name, status: 'failed', fetched: 0, changed: 0, deleted: 0, restored: 0, unreadable: 0, seconds: elapsed(started), error: message } as const;
          options.progress?.onStreamEnd(stream.name, 'failed');
          log.error({ stream: stream.name, err: message }, `stream ${stream.name} failed: ${message}`);
          await recordStreamError(db, stream.name, stream.model, message).catch(() => {});
          await recordStreamRun(db, runId, stream.name, performance.now() - started, result).catch(() => {});
          return result;
        }
      }),
    ),
  );
  await stageUnlanded(db, plan.skipped.map((s) => s.stream), !options.streams?.length ? plan.streams.map((s) => s.model) : null, config.extract.displayNames, log);
  const skipped = plan.skipped.map(({ stream, reason }) => ({ stream, status: 'skipped', fetched: 0, changed: 0, deleted: 0, restored: 0, unreadable: 0, seconds: 0, error: reason }) as const);
  await finishRun(db, runId, results.some((r) => r.status === 'failed') ? 'failed' : 'success');
  return [...results, ...skipped];
}

/**
 * The stream's typed view `stg_<model>`, rebuilt from the fields it landed.
 * A view that cannot be rebuilt is a warning: the rows landed all the same.
 */
async function stageStream(db: Pool, stream: PlannedStream, displayNames: boolean, log: Log): Promise<void> {
  try {
    const { view, changed, refused, added, retyped } = await refreshStaging(db, stream.model, stream.fieldTypes, { expected: warehouseFieldsOf(stream.model), displayNames });
    if (changed && refused.length) {
      log.warn({ stream: stream.name, fields: refused }, `${view}: ${refused.length} field name(s) of ${stream.model} are not plain lowercase identifiers and get no column (their values stay in the raw table's data)`);
    }
    if (added.length) {
      // Odoo does not move write_date when a field is added: records read before keep no value until read again.
      log.warn(
        { stream: stream.name, fields: added },
        `${stream.model} has new field(s) ${added.join(', ')}: ${view} has their columns; records extracted before hold no value for them until elt extract --full-refresh --streams ${stream.name}`,
      );
    }
    for (const { field, from, to } of retyped) log.warn({ stream: stream.name, field, from, to }, `${stream.model}.${field} changed type in Odoo from ${from} to ${to}: ${view}.${field} follows`);
  } catch (error) {
    log.warn({ stream: stream.name, err: firstLine(error) }, `the staging view of ${stream.name} was not rebuilt: ${firstLine(error)}`);
  }
}

/**
 * The default marts read every catalog stream's view, landed this run or not:
 * the built-in streams Odoo lacks (`skipped`) and, on a run of every stream,
 * those elt.yml turns off (not in `landed`) get theirs from the expected fields.
 */
async function stageUnlanded(db: Pool, skipped: readonly string[], landed: readonly string[] | null, displayNames: boolean, log: Log): Promise<void> {
  const off = landed ? BUILTIN_STREAMS.map((s) => s.model).filter((m) => !landed.includes(m)) : [];
  const streams = [...new Set([...skipped, ...off])];
  try {
    await stageCatalogStreams(db, streams, displayNames);
  } catch (error) {
    log.warn({ streams, err: firstLine(error) }, `the staging views of streams not extracted were not rebuilt: ${firstLine(error)}`);
  }
}

/**
 * Every read passes `active_test: false` (archived records land too) and all
 * of the user's companies: without `allowed_company_ids` Odoo's multi-company
 * rules show only the user's current company. The user's own company comes
 * first, as Odoo's web client sends it: the first is the one whose values a
 * company-dependent field shows (an account's code on Odoo 19, a product's
 * cost on 17).
 */
export async function readContext(odoo: OdooClient, log: Log): Promise<Record<string, unknown>> {
  try {
    const [user] = await odoo.read('res.users', [odoo.uid], ['company_ids', 'company_id'], { displayNames: false });
    const companies = user?.company_ids;
    const main = user?.company_id;
    if (Array.isArray(companies) && companies.length > 0) {
      const first = typeof main === 'number' && companies.includes(main) ? [main] : [];
      return { active_test: false, allowed_company_ids: [...first, ...companies.filter((c) => c !== main)] };
    }
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, "could not read the user's companies: extracting with Odoo's default company only");
  }
  return { active_test: false };
}

/** Seconds since a performance.now() reading, to a tenth. */
function elapsed(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}
