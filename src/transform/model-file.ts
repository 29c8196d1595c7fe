/**
 * One model file: a header of `-- key: value` lines, then one SELECT with
 * `{{ source('model') }}`, `{{ ref('name') }}`, `{{ changed(alias) }}` and
 * `{{ var('name', 'default') }}` placeholders. Parsing finds the model's
 * inputs so the graph is known before any SQL runs.
 */
import { basename } from 'node:path';
import { nearestNames } from '../util/nearest-names.ts';
import { ModelError } from './errors.ts';
import { parseReferences, parseSnapshot, parseTests, type DataTest, type Reference, type SnapshotConfig } from './model-header.ts';
import { parseVerifyChecks, type SumCheck } from './model-verify.ts';

export type Materialization = 'incremental' | 'table' | 'view' | 'snapshot';
/**
 * What a row whose SELECT gives a non-null `deleted_at` (its record is gone
 * from Odoo) does to the table: `delete` removes it (and `deleted_at` is not
 * stored), `flag` keeps it with `deleted_at` set, a column of the table.
 */
export type OnDelete = 'delete' | 'flag';
/** What a run does when the SELECT's columns no longer match the model's own table (as in dbt; declared tables never change). */
export type OnSchemaChange = 'fail' | 'append_new_columns' | 'sync_all_columns';
const SCHEMA_CHANGES: readonly OnSchemaChange[] = ['fail', 'append_new_columns', 'sync_all_columns'];

export interface ModelFile {
  readonly name: string;
  /** Relative to the project root, with forward slashes: `sql/marts/dim_products.sql`. */
  readonly path: string;
  /** The folders under its layer's sql/ (`['marts']`), for dbt's fqn; the project sets it (project-layout.ts). */
  readonly folders?: readonly string[];
  readonly materialized: Materialization;
  readonly uniqueKey: readonly string[];
  readonly onDelete: OnDelete;
  readonly onSchemaChange: OnSchemaChange;
  readonly tags: readonly string[];
  readonly tests: readonly DataTest[];
  readonly references: readonly Reference[];
  /** Totals `elt verify` compares with Odoo (model-verify.ts). */
  readonly verify: readonly SumCheck[];
  /** Odoo models read through `source()`. */
  readonly sources: readonly string[];
  /** Models and seeds read through `ref()`. */
  readonly refs: readonly string[];
  /** Alias -> Odoo model, for `changed(alias)` (staging views' aliases are added by the project, project.ts). */
  readonly aliases: ReadonlyMap<string, string>;
  /** Alias -> the name `ref()` gave it: a staging view's alias works with `changed()` once the project resolves it. */
  readonly refAliases: ReadonlyMap<string, string>;
  /** The SELECT with its placeholders, header removed. */
  readonly body: string;
  /** Where the body starts in the file (1-based), to name the line and column of an error in it. */
  readonly bodyStart?: { readonly line: number; readonly column: number };
  /** materialized: snapshot only. */
  readonly snapshot?: SnapshotConfig;
  /** One line for `elt docs` (`-- description: ...`); optional. */
  readonly description?: string;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
const HEADER_KEYS = new Set(['materialized', 'unique_key', 'on_delete', 'on_schema_change', 'tags', 'tests', 'references', 'verify', 'strategy', 'updated_at', 'check_cols', 'hard_deletes', 'description']);
/** `{{ fn(args) }}`; arguments may hold quoted strings with commas and parentheses. */
export const PLACEHOLDER = /\{\{\s*(\w+)\s*\(((?:'[^']*'|[^)'])*)\)\s*\}\}/g;
const SOURCE_ALIAS = /\{\{\s*source\s*\(\s*'([^']+)'\s*\)\s*\}\}\s+(?:as\s+)?([a-z_][a-z0-9_]*)/gi;
const REF_ALIAS = /\{\{\s*ref\s*\(\s*'([^']+)'\s*\)\s*\}\}\s+(?:as\s+)?([a-z_][a-z0-9_]*)/gi;

export function parseModelFile(path: string, text: string): ModelFile {
  const name = basename(path, '.sql');
  if (!IDENT.test(name)) throw new ModelError(`${path}: the file name must be a lowercase SQL identifier (letters, digits, _) since it names the table`);
  const lines = text.split('\n');
  const header = new Map<string, string>();
  // The header is the first block of `--` lines; in it, `-- key: value` lines set
  // options and other lines are comments. A near miss of a key is a typo, not a comment.
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  for (; i < lines.length && lines[i]!.trim().startsWith('--'); i++) {
    const m = /^--\s*([a-z_]+)\s*:\s*(.*)$/.exec(lines[i]!.trim());
    if (!m) continue;
    if (HEADER_KEYS.has(m[1]!)) header.set(m[1]!, m[2]!.trim());
    else if (nearestNames(m[1]!, [...HEADER_KEYS]).length) {
      throw new ModelError(`${path}:${i + 1}: unknown header key "${m[1]}" (expected one of ${[...HEADER_KEYS].join(', ')})`);
    }
  }
  const rest = lines.slice(i).join('\n');
  const body = rest.trim().replace(/;\s*$/, '');
  const skipped = rest.slice(0, rest.length - rest.trimStart().length);
  const bodyStart = { line: i + 1 + (skipped.match(/\n/g)?.length ?? 0), column: skipped.length - skipped.lastIndexOf('\n') };
  const statement = body.replace(/^(\s*--[^\n]*\n)*/, '').trimStart();
  if (!/^(with|select)\b/i.test(statement)) throw new ModelError(`${path}: a model is one SELECT (or WITH ... SELECT) after its header`);

  const defaultMaterialization: Materialization = path.includes('/staging/') ? 'view' : path.includes('/snapshots/') ? 'snapshot' : 'incremental';
  const materialized = (header.get('materialized') ?? defaultMaterialization) as Materialization;
  if (!['incremental', 'table', 'view', 'snapshot'].includes(materialized)) {
    throw new ModelError(`${path}: materialized must be incremental, table, view or snapshot, not "${materialized}"`);
  }
  const uniqueKey = list(header.get('unique_key'));
  for (const col of uniqueKey) if (!IDENT.test(col)) throw new ModelError(`${path}: unique_key "${col}" is not a column name`);
  if ((materialized === 'incremental' || materialized === 'snapshot') && uniqueKey.length === 0) {
    throw new ModelError(`${path}: ${materialized === 'snapshot' ? 'a snapshot' : 'an incremental model'} needs a unique_key header (e.g. -- unique_key: order_id)`);
  }
  const snapshot = materialized === 'snapshot' ? parseSnapshot(header, path) : undefined;

  const onDelete = (header.get('on_delete') ?? 'delete') as OnDelete;
  if (onDelete !== 'delete' && onDelete !== 'flag') throw new ModelError(`${path}: on_delete must be delete or flag, not "${onDelete}"`);
  const onSchemaChange = (header.get('on_schema_change') ?? 'fail') as OnSchemaChange;
  if (!SCHEMA_CHANGES.includes(onSchemaChange)) throw new ModelError(`${path}: on_schema_change must be ${SCHEMA_CHANGES.join(', ')}, not "${onSchemaChange}"`);

  const sources = new Set<string>();
  const refs = new Set<string>();
  for (const [, fn, rawArgs] of body.matchAll(PLACEHOLDER)) {
    const args = parseArgs(rawArgs!, path);
    if (fn === 'source') sources.add(oneArg(args, path, 'source'));
    else if (fn === 'ref') refs.add(oneArg(args, path, 'ref'));
    else if (fn !== 'changed' && fn !== 'var') throw new ModelError(`${path}: unknown placeholder {{ ${fn}(...) }} (use source, ref, changed or var)`);
  }
  const aliases = new Map<string, string>();
  for (const [, model, alias] of body.matchAll(SOURCE_ALIAS)) aliases.set(alias!.toLowerCase(), model!);
  const refAliases = new Map<string, string>();
  for (const [, ref, alias] of body.matchAll(REF_ALIAS)) refAliases.set(alias!.toLowerCase(), ref!);
  for (const alias of changedAliases(body)) {
    if (!aliases.has(alias) && !refAliases.has(alias)) {
      throw new ModelError(`${path}: changed(${alias}) names no source alias (write {{ source('model') }} as ${alias}, or {{ ref('stg_model') }} as ${alias})`);
    }
  }
  const references = parseReferences(header.get('references') ?? '', path);
  for (const r of references) refs.add(r.model);
  const description = header.get('description');
  return {
    name,
    path,
    materialized,
    uniqueKey,
    onDelete,
    onSchemaChange,
    tags: list(header.get('tags')),
    tests: parseTests(header.get('tests') ?? '', path),
    references,
    verify: parseVerifyChecks(header.get('verify') ?? '', path),
    sources: [...sources],
    refs: [...refs],
    aliases,
    refAliases,
    body,
    bodyStart,
    ...(snapshot && { snapshot }),
    ...(description && { description }),
  };
}

/** The aliases `{{ changed(alias) }}` names in a body. */
export function changedAliases(body: string): string[] {
  return [...body.matchAll(PLACEHOLDER)].filter(([, fn]) => fn === 'changed').map(([, , raw]) => raw!.trim());
}

/** Comma-separated arguments: single-quoted strings ('' escapes a quote) or bare words (changed's alias). */
export function parseArgs(raw: string, path: string): string[] {
  if (raw.trim() === '') return [];
  const args: string[] = [];
  const arg = /\s*(?:'((?:[^']|'')*)'|([^,'\s][^,']*?))\s*(,|$)/y;
  for (let pos = 0; pos < raw.length; ) {
    arg.lastIndex = pos;
    const m = arg.exec(raw);
    if (!m) throw new ModelError(`${path}: cannot read the arguments (${raw.trim()}): quote names and values with single quotes`);
    args.push(m[1] !== undefined ? m[1].replaceAll("''", "'") : m[2]!);
    if (m[3] === '') break;
    pos = arg.lastIndex;
  }
  return args;
}

function oneArg(args: string[], path: string, fn: string): string {
  if (args.length !== 1 || !args[0]) throw new ModelError(`${path}: ${fn}() takes one quoted name, e.g. {{ ${fn}('${fn === 'source' ? 'pos.order' : 'dim_products'}') }}`);
  return args[0];
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
