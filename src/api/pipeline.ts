/**
 * The pipeline as functions, for a scheduler written in TypeScript (a worker,
 * a Temporal activity, a BullMQ job): `extract`, `transform` and `run` do
 * what the commands of the same name do, with the same options, settings and
 * project folder, and return the results instead of printing them.
 *
 * Settings are the variables `elt` reads (ODOO_URL, DATABASE_URL, ...): from
 * `options.env` (default process.env) over the project's `.env`, never
 * written into process.env. Nothing goes to stdout or stderr: log lines go to
 * `options.logger`, else to the project's logs/elt.log as the CLI keeps it.
 * A stream or model that fails does not throw (`ok` is false, its `error`
 * says why: the CLI's exit 1); a bad setting, elt.yml, model, seed or a busy
 * warehouse throws one line (the CLI's exit 2, see isConfigurationError).
 * `options.signal` stops a call midway, as a scheduler cancelling a job does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { Logger } from 'pino';
import { withContextOf, type Context } from '../cli/context.ts';
import { loadEnv, type Need } from '../cli/env.ts';
import { UsageError } from '../cli/errors.ts';
import { mostVerbose, type Output } from '../cli/output.ts';
import { runPipeline } from '../cli/run-pipeline.ts';
import { writeCommandArtifacts } from '../cli/run-results.ts';
import { extractStep, transformStep } from '../cli/steps.ts';
import { isThreadCount, MAX_THREADS } from '../util/thread-count.ts';
import type { StreamResult } from '../extract/stream-result.ts';
import type { ModelResult } from '../transform/model-result.ts';

export type { StreamResult, ModelResult };

export interface PipelineOptions {
  /** The project folder (elt.yml, sql/, .env; logs/ and target/ are written there); default the working folder. */
  readonly projectDir?: string;
  /** Settings by variable name, over the project's .env; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A pino logger for every line; default the project's logs/elt.log only. */
  readonly logger?: Logger;
  /**
   * Stops the call as Ctrl-C stops the command: the Odoo calls in flight are
   * aborted and every warehouse connection cut, so open transactions roll
   * back and the lock is freed; what had committed stays, and the next call
   * resumes from there. The call then rejects with the signal's reason.
   */
  readonly signal?: AbortSignal;
}

/** `elt extract`'s options. */
export interface ExtractOptions extends PipelineOptions {
  /** Odoo model names; default every configured stream. */
  readonly streams?: readonly string[];
  /** Reread every record, ignoring the cursors (also detects deletes). */
  readonly fullRefresh?: boolean;
  /** List the ids Odoo still has and mark raw rows whose record is gone. */
  readonly detectDeletes?: boolean;
}

/** `elt transform`'s options. */
export interface TransformOptions extends PipelineOptions {
  /** dbt selectors (`dim_products+`, `tag:x`, `path:sql/marts`); default every model. */
  readonly select?: readonly string[];
  readonly exclude?: readonly string[];
  /** Rebuild incremental models from all of raw, atomically. */
  readonly fullRefresh?: boolean;
  /** Models built at once, 1 to 32; default transform.threads in elt.yml, else 4. */
  readonly threads?: number;
}

/** `elt run`'s options: extract's and `threads`. */
export interface RunOptions extends ExtractOptions {
  readonly threads?: number;
}

export interface PipelineResult {
  /** No stream and no model failed (the CLI exits 0). */
  readonly ok: boolean;
  readonly streams: readonly StreamResult[];
  readonly models: readonly ModelResult[];
  readonly seconds: number;
}

/** `elt extract`: each stream incrementally into its raw_* table (the warehouse must be migrated: `run` does that); writes target/run_results.json. */
export function extract(options: ExtractOptions = {}): Promise<PipelineResult> {
  return within('extract()', options, ['odoo', 'warehouse'], undefined, async (ctx, startedAt) => {
    const fullRefresh = options.fullRefresh ?? false;
    const streams = await extractStep(ctx, { streams: options.streams, fullRefresh, detectDeletes: options.detectDeletes ?? false });
    writeCommandArtifacts(ctx, 'extract', startedAt, { fullRefresh }, { streams });
    return { streams, models: [] };
  });
}

/** `elt transform`: the SQL models in dependency order; writes target/run_results.json. */
export function transform(options: TransformOptions = {}): Promise<PipelineResult> {
  return within('transform()', options, ['warehouse'], options.threads, async (ctx, startedAt) => {
    const selection = { select: [...(options.select ?? [])], exclude: [...(options.exclude ?? [])], fullRefresh: options.fullRefresh ?? false };
    const models = await transformStep(ctx, selection);
    writeCommandArtifacts(ctx, 'transform', startedAt, selection, { models });
    return { streams: [], models };
  });
}

/** `elt run`: migrate, seed, extract, then transform, under one lock; writes target/run_results.json. */
export function run(options: RunOptions = {}): Promise<PipelineResult> {
  return within('run()', options, ['odoo', 'warehouse'], options.threads, (ctx) => runPipeline(ctx, options));
}

type Work = (ctx: Context, startedAt: number) => Promise<{ streams: StreamResult[]; models: ModelResult[] }>;

/** `command`: the lock and the log file name the call so (`elt run() (pid ...) has held it`). */
async function within(command: string, options: PipelineOptions, needs: readonly Need[], threads: number | undefined, work: Work): Promise<PipelineResult> {
  const startedAt = Date.now();
  if (threads !== undefined && !isThreadCount(threads)) {
    throw new UsageError(`threads must be a whole number from 1 to ${MAX_THREADS}, got ${threads}`);
  }
  const projectDir = resolve(options.projectDir ?? process.cwd());
  if (!existsSync(projectDir)) throw new UsageError(`projectDir ${projectDir}: no such folder (give the folder that holds elt.yml and sql/)`);
  const envFile = join(projectDir, '.env');
  const variables = { ...readEnvFile(envFile), ...(options.env ?? process.env) };
  const env = loadEnv(variables, envFile, needs);
  const output: Output = {
    live: false,
    verbose: false,
    consoleLevel: 'silent',
    logFile: env.LOG_LEVEL === 'silent' ? null : { path: join(projectDir, 'logs', 'elt.log'), level: mostVerbose(env.LOG_LEVEL, 'info') },
  };
  const source = { env, variables, projectDir, output, log: options.logger, threads, command, signal: options.signal };
  const { streams, models } = await withContextOf(source, (ctx) => work(ctx, startedAt));
  const ok = ![...streams, ...models].some((r) => r.status === 'failed');
  return { ok, streams, models, seconds: (Date.now() - startedAt) / 1000 };
}

/** The project's .env as variables (empty when there is none); process.env is left alone. */
function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    throw new UsageError(`${file} could not be read as a .env file: expect NAME=value lines`);
  }
}
