/**
 * `elt run`'s work, shared by the command (which prints as it goes) and the
 * library's `run()` (which prints nothing): every check first, then one lock
 * over migrate, seed, extract and transform, then the run's artifacts.
 */
import { planTransform } from '../transform/run-transform.ts';
import type { ModelResult } from '../transform/model-state.ts';
import { resolveStreams } from '../extract/streams.ts';
import { planStreams } from '../extract/plan.ts';
import { askOnce } from '../extract/fields-cache.ts';
import { runHashKey } from '../extract/hash-fields.ts';
import type { StreamResult } from '../extract/run-extract.ts';
import { connectOdoo, type Context } from './context.ts';
import { odooSettings } from './env.ts';
import { projectPlan } from './project.ts';
import { writeCommandArtifacts } from './run-results.ts';
import { extractStep, migrateStep, seedStep, transformStep, withWarehouseLock } from './steps.ts';

export interface RunPipelineOptions {
  /** Odoo model names; default every configured stream. */
  readonly streams?: readonly string[];
  readonly fullRefresh?: boolean;
  readonly detectDeletes?: boolean;
}

export interface PipelineOutcome {
  readonly streams: StreamResult[];
  readonly models: ModelResult[];
}

export interface PipelineHooks {
  /** Whether to print the migrations applied (the command does, the library does not). */
  readonly reportMigrations?: boolean;
  /** Called between extract and transform: the command prints the extract's summary there. */
  onExtracted?(results: readonly StreamResult[], seconds: number): void;
}

export async function runPipeline(ctx: Context, options: RunPipelineOptions, hooks: PipelineHooks = {}): Promise<PipelineOutcome> {
  const startedAt = Date.now();
  // Every setting, stream name, model file, the hash key, the Odoo login and the streams
  // elt.yml configures (fields, domains, hash_fields) are checked before the migration touches anything.
  const settings = odooSettings(ctx.env);
  const streams = options.streams && [...options.streams];
  const resolved = resolveStreams(ctx.config, streams);
  runHashKey(resolved, ctx.env.ELT_HASH_KEY);
  const configured = resolved.filter((s) => ctx.config.streams.has(s.name));
  planTransform(projectPlan(ctx.config, ctx.projectDir));
  const odoo = await connectOdoo(settings, ctx.log, ctx.signal);
  // The extract plans again once the warehouse is migrated: the answers asked here serve it too.
  const fieldsOf = askOnce(odoo);
  await planStreams(odoo, configured, ctx.config.extract.concurrency, fieldsOf);
  const fullRefresh = options.fullRefresh ?? false;
  // One lock for every step: a second run refuses before it migrates or seeds anything.
  return withWarehouseLock(ctx, async () => {
    await migrateStep(ctx, hooks.reportMigrations ? 'when-applied' : 'never');
    await seedStep(ctx);
    const extractStarted = Date.now();
    const streamResults = await extractStep(ctx, { streams, fullRefresh, detectDeletes: options.detectDeletes ?? false, fieldsOf }, odoo);
    hooks.onExtracted?.(streamResults, (Date.now() - extractStarted) / 1000);
    const modelResults = await transformStep(ctx, { fullRefresh });
    writeCommandArtifacts(ctx, 'run', startedAt, { fullRefresh }, { models: modelResults, streams: streamResults });
    return { streams: streamResults, models: modelResults };
  });
}
