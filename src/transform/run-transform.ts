/**
 * One `elt transform`: load and check every model, pick the selection, then
 * run the models in dependency order, each in its own transaction. A failed
 * model rolls back alone and its descendants are skipped; independent
 * branches still run.
 */
import type { Pool, PoolClient } from '../db/pool.ts';
import { inTransaction } from '../db/pool.ts';
import { finishRun, startRun } from '../db/runs.ts';
import { compileModel, type Vars } from './compile.ts';
import pLimit from 'p-limit';
import { ModelError } from './errors.ts';
import { materialize } from './materialize.ts';
import type { ModelFile } from './model-file.ts';
import { loadProject, type Project } from './project.ts';
import type { ProjectLayout } from './project-layout.ts';
import { recordModelRun, type ModelResult } from './model-state.ts';
import { resolveSelection } from './selection.ts';
import type { TransformProgress } from './progress.ts';
import { firstLine } from '../util/first-line.ts';

export interface TransformLog {
  /** When present (LOG_LEVEL=debug), every statement a model runs is logged with its time. */
  debug?(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface TransformOptions {
  /** The folder holding `sql/`, or a layered project (project-layout.ts); default the working directory. */
  readonly projectDir?: string | ProjectLayout;
  readonly select?: readonly string[];
  readonly exclude?: readonly string[];
  readonly fullRefresh?: boolean;
  readonly vars?: Vars;
  /** IANA zone for elt_local(); default UTC. */
  readonly timezone?: string;
  /** A progress display (progress.ts); none by default. */
  readonly progress?: TransformProgress;
  /** Every stream name `source()` may name (built-in and configured); unchecked when absent. */
  readonly streams?: readonly string[];
  /** Models built at once (each on its own connection); default 1. */
  readonly threads?: number;
}

/** The models a selection picks, in run order; every model is checked first (names, graph, placeholders). */
export function planTransform(options: TransformOptions): { project: Project; models: ModelFile[]; unmatched: string[] } {
  const project = loadProject(options.projectDir ?? process.cwd(), options.streams);
  for (const model of project.models) compileModel(model, { watermarks: null, vars: options.vars ?? {} });
  const { selected, unmatched } = resolveSelection(
    project.models.map((m) => ({ name: m.name, path: m.path, folders: m.folders, tags: m.tags, parents: project.parents.get(m.name) ?? [] })),
    options.select ?? [],
    options.exclude ?? [],
  );
  return {
    project,
    models: project.models.filter((m) => selected.has(m.name)),
    unmatched: unmatched.map((u) => `${u.option} ${u.selector}`),
  };
}

/**
 * Runs the selected models, `threads` at a time: a model starts once every
 * selected parent is done, and is skipped when one failed (or was skipped).
 * Results come back in run order whatever finished first.
 */
export async function runTransform(db: Pool, options: TransformOptions, log: TransformLog): Promise<ModelResult[]> {
  const { project, models, unmatched } = planTransform(options);
  for (const selector of unmatched) log.warn({ selector }, `${selector} matches no model`);
  const runId = await startRun(db, 'transform');
  const limit = pLimit(Math.max(1, options.threads ?? 1));
  const running = new Map<string, Promise<ModelResult>>();
  const broken = new Map<string, string>(); // model -> the failed model it descends from
  let started = 0;
  for (const model of models) {
    const parents = (project.parents.get(model.name) ?? []).flatMap((p) => running.get(p) ?? []);
    running.set(
      model.name,
      Promise.all(parents).then(async () => {
        const cause = (project.parents.get(model.name) ?? []).map((p) => broken.get(p)).find(Boolean);
        const start = () => options.progress?.onModelStart(model.name, started++, models.length);
        const result = cause ? (start(), skip(model, cause, log)) : await limit(() => (start(), buildModel(db, model, options, log)));
        if (result.status !== 'success') broken.set(model.name, cause ?? model.name);
        options.progress?.onModelEnd(model.name, result.status);
        await recordModelRun(db, runId, result);
        return result;
      }),
    );
  }
  const results = await Promise.all(models.map((m) => running.get(m.name)!));
  await finishRun(db, runId, results.some((r) => r.status === 'failed') ? 'failed' : 'success');
  return results;
}

function skip(model: ModelFile, cause: string, log: TransformLog): ModelResult {
  log.warn({ model: model.name }, `skipping ${model.name}: ${cause} failed`);
  return { model: model.name, materialized: model.materialized, status: 'skipped', rows: null, seconds: 0, error: `skipped: ${cause} failed` };
}

/** One model in its own transaction: a failure rolls back that model alone. */
async function buildModel(db: Pool, model: ModelFile, options: TransformOptions, log: TransformLog): Promise<ModelResult> {
  const started = Date.now();
  const clock = performance.now();
  const timing = () => ({ startedAt: new Date(started).toISOString(), ms: Math.round((performance.now() - clock) * 10) / 10 });
  try {
    const { rows, sql } = await inTransaction(db, (client) =>
      materialize(log.debug ? traced(client, model.name, log.debug.bind(log)) : client, model, { fullRefresh: options.fullRefresh ?? false, vars: options.vars ?? {}, timezone: options.timezone ?? 'UTC', log: log.debug?.bind(log) }),
    );
    const result = { model: model.name, materialized: model.materialized, status: 'success', rows, seconds: elapsed(started), ...timing(), sql } as const;
    log.info({ model: model.name, rows, seconds: result.seconds }, `built ${model.name}`);
    return result;
  } catch (error) {
    const first = firstLine(error);
    // PostgreSQL's own errors do not say which file: name it, as ModelErrors do.
    const message = error instanceof ModelError ? first : `${model.path}: ${first}`;
    log.error({ model: model.name, err: message }, `model ${model.name} failed: ${message}`);
    return { model: model.name, materialized: model.materialized, status: 'failed', rows: null, seconds: elapsed(started), error: message, ...timing() };
  }
}

/** The client with each query logged at debug level: the statement and its milliseconds. */
function traced(client: PoolClient, model: string, debug: (obj: object, msg: string) => void): PoolClient {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const tracedQuery = (...args: unknown[]) => {
    const started = performance.now();
    const result = query(...args);
    const sql = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    const done = (ok: boolean) => debug({ model, ms: Math.round((performance.now() - started) * 10) / 10, ok, sql }, `statement of ${model}`);
    if (result instanceof Promise) result.then(() => done(true), () => done(false));
    return result;
  };
  return new Proxy(client, { get: (target, prop, receiver) => (prop === 'query' ? tracedQuery : Reflect.get(target, prop, receiver)) });
}

function elapsed(since: number): number {
  return Math.round((Date.now() - since) / 100) / 10;
}
