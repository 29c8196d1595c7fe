/**
 * Run artifacts, as dbt writes them: after every `extract`, `transform`,
 * `run` and `test`, `target/run_results.json` in the project folder (dbt's shape where
 * it fits: metadata, args, elapsed_time, results with unique_id, status,
 * execution_time, timing, adapter_response.rows_affected, message, failures)
 * and each model's SQL as the run executed it under `target/compiled/`.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { StreamResult } from '../extract/run-extract.ts';
import { compileModel, type Vars } from '../transform/compile.ts';
import type { TestResult } from '../transform/data-tests.ts';
import type { ModelResult } from '../transform/model-state.ts';
import { loadProject, type Project } from '../transform/project.ts';
import type { Context } from './context.ts';
import { projectPlan } from './project.ts';
import { VERSION } from './version.ts';

export interface RunArtifacts {
  readonly command: 'extract' | 'transform' | 'run' | 'test';
  /** The project folder: `target/` goes there. */
  readonly dir: string;
  readonly startedAt: number;
  readonly args: { readonly select?: readonly string[]; readonly exclude?: readonly string[]; readonly fullRefresh?: boolean; readonly threads?: number };
  readonly project?: Project;
  readonly vars?: Vars;
  readonly models?: readonly ModelResult[];
  readonly tests?: readonly TestResult[];
  readonly streams?: readonly StreamResult[];
}

/** Writes the artifacts; returns run_results.json's path. */
export function writeRunArtifacts(a: RunArtifacts): string {
  const target = join(a.dir, 'target');
  const generatedAt = new Date();
  const results = [...(a.models ?? []).map((m) => modelEntry(a, target, m)), ...(a.tests ?? []).map(testEntry)];
  const document = {
    metadata: { elt_version: VERSION, generated_at: generatedAt.toISOString(), invocation_id: randomUUID(), command: a.command },
    args: {
      which: a.command,
      select: a.args.select ?? [],
      exclude: a.args.exclude ?? [],
      ...(a.args.fullRefresh !== undefined && { full_refresh: a.args.fullRefresh }),
      ...(a.args.threads !== undefined && { threads: a.args.threads }),
    },
    elapsed_time: round((generatedAt.getTime() - a.startedAt) / 1000),
    results,
    ...(a.streams && { streams: a.streams.map(streamEntry) }),
  };
  const file = join(target, 'run_results.json');
  writeAtomically(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

/** The artifacts of a command run in `ctx`'s project folder (the working folder). */
export function writeCommandArtifacts(
  ctx: Context,
  command: RunArtifacts['command'],
  startedAt: number,
  args: { select?: readonly string[]; exclude?: readonly string[]; fullRefresh?: boolean },
  results: Pick<RunArtifacts, 'models' | 'tests' | 'streams'>,
): void {
  const plan = projectPlan(ctx.config, ctx.projectDir);
  // The project gives the models' paths and SQL: an extract, with no model, need not read it.
  let project: Project | undefined;
  if (results.models?.length) {
    try {
      project = loadProject(plan.projectDir, plan.streams);
    } catch {
      project = undefined; // the command already said what is wrong with the project
    }
  }
  const threads = results.models ? ctx.config.transform.threads : undefined;
  const file = writeRunArtifacts({ command, dir: plan.projectDir.dir, startedAt, args: { ...args, threads }, project, vars: plan.vars, ...results });
  ctx.log.info({ file }, `wrote ${file}`);
}

/** dbt's names: a model that failed is `error`. */
function modelEntry(a: RunArtifacts, target: string, m: ModelResult) {
  const model = a.project?.byName.get(m.model);
  // The SQL as run; a model that failed before running is written in its full form.
  const sql = m.sql ?? (model && m.status === 'failed' ? safeCompile(model, a.vars ?? {}) : undefined);
  let compiledPath: string | null = null;
  if (sql !== undefined && model) {
    const file = join(target, 'compiled', ...(model.folders ?? []), `${model.name}.sql`);
    writeAtomically(file, `${sql.trim()}\n`);
    compiledPath = relative(a.dir, file).split(sep).join('/');
  }
  const completed = m.startedAt && m.ms !== undefined ? new Date(Date.parse(m.startedAt) + m.ms).toISOString() : null;
  return {
    unique_id: `model.${m.model}`,
    status: m.status === 'failed' ? 'error' : m.status,
    execution_time: round((m.ms ?? m.seconds * 1000) / 1000),
    timing: m.startedAt ? [{ name: 'execute', started_at: m.startedAt, completed_at: completed }] : [],
    adapter_response: m.rows === null ? {} : { rows_affected: m.rows },
    message: m.error ?? null,
    failures: null,
    materialized: m.materialized,
    relation_name: `"${m.model}"`,
    path: model?.path ?? null,
    compiled_path: compiledPath,
  };
}

function testEntry(t: TestResult) {
  return {
    unique_id: `test.${t.name}`,
    status: t.status,
    execution_time: t.seconds,
    timing: [],
    adapter_response: {},
    message: t.error ?? (t.failures ? `${t.failures} failing row${t.failures === 1 ? '' : 's'}` : null),
    failures: t.failures,
    path: t.path,
  };
}

function streamEntry(s: StreamResult) {
  return { stream: s.stream, status: s.status, fetched: s.fetched, changed: s.changed, deleted: s.deleted, execution_time: s.seconds, message: s.error ?? null };
}

function safeCompile(model: NonNullable<ReturnType<Project['byName']['get']>>, vars: Vars): string | undefined {
  try {
    return compileModel(model, { watermarks: null, vars });
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
