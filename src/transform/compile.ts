/** Renders a model's placeholders into plain SQL for one run. */
import { quoteIdent, rawTableName } from '../db/identifiers.ts';
import { ModelError } from './errors.ts';
import { parseArgs, PLACEHOLDER, type ModelFile } from './model-file.ts';

export type Vars = Readonly<Record<string, string | number | boolean>>;

export interface CompileContext {
  /** Per Odoo model: the load_seq this model has consumed up to; null rereads everything. */
  readonly watermarks: ReadonlyMap<string, number> | null;
  readonly vars: Vars;
}

export function compileModel(model: ModelFile, ctx: CompileContext): string {
  return renderModel(model, ctx).sql;
}

/** A compiled model and where its placeholders were, to map a position in it back to the file. */
export interface Compiled {
  readonly sql: string;
  /** Each rendered placeholder: its place in the body and in the compiled SQL. */
  readonly spans: ReadonlyArray<{ body: number; bodyLength: number; sql: number; sqlLength: number }>;
}

export function renderModel(model: ModelFile, ctx: CompileContext): Compiled {
  const spans: Array<{ body: number; bodyLength: number; sql: number; sqlLength: number }> = [];
  let shift = 0; // compiled length minus body length, so far
  const sql = model.body.replace(PLACEHOLDER, (match: string, fn: string, raw: string, at: number) => {
    const text = renderPlaceholder(model, ctx, fn, raw);
    spans.push({ body: at, bodyLength: match.length, sql: at + shift, sqlLength: text.length });
    shift += text.length - match.length;
    return text;
  });
  return { sql, spans };
}

/** An offset in the compiled SQL as an offset in the model's body (a placeholder's own text maps to its start). */
export function bodyOffset(compiled: Compiled, sqlOffset: number): number {
  let shift = 0;
  for (const span of compiled.spans) {
    if (sqlOffset < span.sql) break;
    if (sqlOffset < span.sql + span.sqlLength) return span.body;
    shift = span.body + span.bodyLength - (span.sql + span.sqlLength);
  }
  return sqlOffset + shift;
}

function renderPlaceholder(model: ModelFile, ctx: CompileContext, fn: string, raw: string): string {
  const args = parseArgs(raw, model.path);
  switch (fn) {
    case 'source':
      return quoteIdent(rawTableName(args[0]!));
    case 'ref':
      return quoteIdent(args[0]!);
    case 'changed': {
      if (ctx.watermarks === null) return 'true';
      const alias = raw.trim();
      const source = model.aliases.get(alias);
      // A staging view's alias resolves only when the project was loaded with its streams;
      // without them the model would silently reread everything and record no watermark.
      if (source === undefined) throw new ModelError(`${model.path}: changed(${alias}) reads no known stream (the project was loaded without its stream list)`);
      return `(${alias}.load_seq > ${ctx.watermarks.get(source) ?? 0})`;
    }
    case 'var': {
      const [name, fallback] = args;
      const value = ctx.vars[name!] ?? fallback;
      if (value === undefined) throw new ModelError(`${model.path}: var('${name}') is not set: add it under vars: in elt.yml or give a default, var('${name}', '...')`);
      return literal(String(value));
    }
    default:
      throw new ModelError(`${model.path}: unknown placeholder ${fn}()`);
  }
}

/** A SQL string literal; standard_conforming_strings is on since PostgreSQL 9.1. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
