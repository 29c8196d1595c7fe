/**
 * `elt test`: the generic tests declared in model headers (`unique`,
 * `not_null`, `relationships`, `accepted_values`) and the singular tests of
 * `sql/tests/`, each one query counting the failing rows and fetching a
 * sample. Every test is resolved and planned by PostgreSQL before the first
 * runs, so a test naming an unknown model or column stops everything (exit 2).
 */
import type { Pool } from '../db/pool.ts';
import { nearestNames } from '../util/nearest-names.ts';
import type { Vars } from './compile.ts';
import { ModelError } from './errors.ts';
import type { ModelFile } from './model-file.ts';
import type { DataTest } from './model-header.ts';
import { loadProject, type Project } from './project.ts';
import type { ProjectLayout } from './project-layout.ts';
import { resolveSelection, type SelectableModel } from './selection.ts';
import { loadSingularTests } from './singular-tests.ts';
import { genericFailingRows, genericTestName, testQuery, type FailingRows, type TableInfo } from './test-sql.ts';
import { firstLine } from '../util/first-line.ts';

export interface DataTestOptions {
  /** The folder holding `sql/`, or a layered project (project-layout.ts); default the working directory. */
  readonly projectDir?: string | ProjectLayout;
  readonly select?: readonly string[];
  readonly exclude?: readonly string[];
  readonly vars?: Vars;
  /** Failing rows shown per failed test; default 5. */
  readonly sampleSize?: number;
  /** Every stream name (built-in and configured): resolves `ref('stg_...')` and checks `source()`. */
  readonly streams?: readonly string[];
}

export interface TestResult {
  readonly name: string;
  /** The file that declares it. */
  readonly path: string;
  /** `error`: PostgreSQL failed while running it (a bad cast, say). */
  readonly status: 'pass' | 'fail' | 'error';
  readonly failures: number;
  /** Relationships only: rows whose key resolves to a placeholder row (a record missing from Odoo). */
  readonly placeholders: number;
  readonly seconds: number;
  readonly sample: { readonly columns: readonly string[]; readonly rows: ReadonlyArray<ReadonlyArray<string | null>> };
  readonly error?: string;
}

export interface TestLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface PlannedTest {
  readonly name: string;
  readonly path: string;
  /** The models it reads: a test runs when one of them is selected and none excluded (dbt's eager selection). */
  readonly models: readonly string[];
  readonly sql: string;
}

export async function runDataTests(db: Pool, options: DataTestOptions, log: TestLog): Promise<TestResult[]> {
  const tests = await planDataTests(db, options, log);
  const results: TestResult[] = [];
  for (const test of tests) {
    const started = Date.now();
    try {
      // Every value as PostgreSQL's own text, so a sample prints as psql would show it.
      const { rows, fields } = await db.query<Array<string | null>>({ text: test.sql, rowMode: 'array', types: { getTypeParser: () => (value: string) => value } as never });
      const failures = Number(rows[0]![0]);
      const placeholders = Number(rows[0]![1]);
      const sample = failures === 0 ? { columns: [], rows: [] } : { columns: fields.slice(3).map((f) => f.name), rows: rows.map((r) => r.slice(3)) };
      results.push({ name: test.name, path: test.path, status: failures === 0 ? 'pass' : 'fail', failures, placeholders, seconds: elapsed(started), sample });
    } catch (error) {
      const message = firstLine(error);
      results.push({ name: test.name, path: test.path, status: 'error', failures: 0, placeholders: 0, seconds: elapsed(started), sample: { columns: [], rows: [] }, error: message });
    }
    const last = results[results.length - 1]!;
    log.info({ test: last.name, status: last.status, failures: last.failures, seconds: last.seconds }, `${last.status} ${last.name}`);
  }
  return results;
}

/** The selected tests, each checked against the warehouse's tables and planned (EXPLAIN) without running. */
export async function planDataTests(db: Pool, options: DataTestOptions, log: TestLog): Promise<PlannedTest[]> {
  const project = loadProject(options.projectDir ?? process.cwd(), options.streams);
  const singular = loadSingularTests(project, options.vars ?? {});
  const generic = project.models.flatMap((model) => model.tests.map((test) => ({ model, test })));
  const chosen = selectTests(project, [...generic.map(({ model, test }) => ({ key: genericTestName(model.name, test), models: testModels(project, model, test) })), ...singular.map((s) => ({ key: s.path, models: s.models }))], options, log);

  const catalog = await loadCatalog(db);
  const sampleSize = options.sampleSize ?? 5;
  const planned: PlannedTest[] = [];
  for (const { model, test } of generic) {
    const name = genericTestName(model.name, test);
    if (!chosen.has(name)) continue;
    planned.push({ name, path: model.path, models: testModels(project, model, test), sql: testQuery(resolveGeneric(project, catalog, model, test, name), sampleSize) });
  }
  for (const test of singular) {
    if (!chosen.has(test.path)) continue;
    const failing: FailingRows = { sql: test.sql, order: null, placeholders: null };
    planned.push({ name: test.name, path: test.path, models: test.models, sql: testQuery(failing, sampleSize) });
  }
  for (const test of planned) {
    try {
      await db.query(`explain ${test.sql}`);
    } catch (error) {
      const message = firstLine(error);
      throw new ModelError(`${test.path}: test "${test.name}" cannot run: ${message}`);
    }
  }
  return planned;
}

function testModels(project: Project, model: ModelFile, test: DataTest): string[] {
  return test.kind === 'relationships' && project.byName.has(test.model) && test.model !== model.name ? [model.name, test.model] : [model.name];
}

/** dbt's eager indirect selection: a test runs when it reads a selected model and no excluded one. */
function selectTests(project: Project, tests: ReadonlyArray<{ key: string; models: readonly string[] }>, options: DataTestOptions, log: TestLog): Set<string> {
  const models: SelectableModel[] = project.models.map((m) => ({ name: m.name, path: m.path, folders: m.folders, tags: m.tags, parents: project.parents.get(m.name) ?? [] }));
  const select = options.select ?? [];
  const exclude = options.exclude ?? [];
  const included = resolveSelection(models, select, []);
  const kept = resolveSelection(models, [], exclude);
  for (const u of [...included.unmatched, ...kept.unmatched]) log.warn({ selector: u.selector }, `${u.option} ${u.selector} matches no model`);
  const excluded = new Set(models.map((m) => m.name).filter((name) => !kept.selected.has(name)));
  return new Set(
    tests
      .filter((t) => (select.length === 0 || t.models.some((m) => included.selected.has(m))) && !t.models.some((m) => excluded.has(m)))
      .map((t) => t.key),
  );
}

function resolveGeneric(project: Project, catalog: ReadonlyMap<string, TableInfo>, model: ModelFile, test: DataTest, name: string): FailingRows {
  const where = `${model.path}: test "${name}"`;
  const table = catalog.get(model.name);
  if (!table) throw new ModelError(`${where}: the warehouse has no table ${model.name} yet: run elt migrate and elt transform first`);
  checkColumn(where, model.name, table, test.column);
  let target: TableInfo | null = null;
  if (test.kind === 'relationships') {
    if (!project.byName.has(test.model) && !project.seeds.has(test.model)) {
      const near = nearestNames(test.model, [...project.byName.keys(), ...project.seeds]);
      throw new ModelError(`${where}: ${test.model} is no model or seed${near.length ? `: did you mean ${near.join(', ')}?` : ''}`);
    }
    target = catalog.get(test.model) ?? null;
    if (!target) throw new ModelError(`${where}: the warehouse has no table ${test.model} yet: run elt migrate, elt seed and elt transform first`);
    checkColumn(where, test.model, target, test.to);
  }
  const unique = model.uniqueKey.every((k) => table.columns.has(k)) ? model.uniqueKey : [];
  return genericFailingRows(model.name, test, unique.length ? unique : table.primaryKey, target);
}

function checkColumn(where: string, table: string, info: TableInfo, column: string): void {
  if (info.columns.has(column)) return;
  const near = nearestNames(column, [...info.columns]);
  throw new ModelError(`${where}: ${table} has no column ${column}${near.length ? `: did you mean ${near.join(', ')}?` : ''}`);
}

/** Every table and view of the warehouse's schema with its columns and primary key. */
async function loadCatalog(db: Pool): Promise<Map<string, TableInfo>> {
  const { rows } = await db.query<{ table: string; columns: string[]; key: string[] | null }>(`
    select c.relname as table,
           array_agg(a.attname::text order by a.attnum) as columns,
           (select array_agg(k.attname::text order by array_position(i.indkey::int2[], k.attnum))
              from pg_index as i join pg_attribute as k on k.attrelid = i.indrelid and k.attnum = any(i.indkey)
             where i.indrelid = c.oid and i.indisprimary) as key
      from pg_class as c
      join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
     group by c.oid, c.relname`);
  return new Map(rows.map((r) => [r.table, { columns: new Set(r.columns), primaryKey: r.key ?? [] }]));
}

function elapsed(since: number): number {
  return Math.round((Date.now() - since) / 100) / 10;
}
