/**
 * PostgreSQL says where in a statement an error is (`position`, 1-based, in
 * characters). A model runs inside a wrapper statement after its placeholders
 * were rendered, so that place is mapped back through both to a line and
 * column of the model's file: `sql/marts/x.sql:12:8: syntax error at or near "as"`.
 */
import { firstLine } from '../util/first-line.ts';
import { bodyOffset, type Compiled } from './compile.ts';
import { ModelError } from './errors.ts';
import type { ModelFile } from './model-file.ts';

/**
 * `error` from a statement that held `compiled.sql` starting at character
 * `prefix` (0-based): a ModelError naming file, line and column when
 * PostgreSQL gave a position inside the model's SQL, else `error` unchanged.
 */
export function atModelLine(error: unknown, model: ModelFile, compiled: Compiled, prefix: number): unknown {
  const position = Number((error as { position?: string } | null)?.position);
  if (!Number.isInteger(position) || !model.bodyStart) return error;
  const inSql = position - 1 - prefix;
  if (inSql < 0 || inSql > compiled.sql.length) return error;
  const at = bodyOffset(compiled, inSql);
  const before = model.body.slice(0, at);
  const newlines = before.match(/\n/g)?.length ?? 0;
  const line = model.bodyStart.line + newlines;
  const column = newlines === 0 ? model.bodyStart.column + at : at - before.lastIndexOf('\n');
  return new ModelError(`${model.path}:${line}:${column}: ${firstLine(error)}${hint(error, model)}`, { cause: error });
}

/**
 * A staging view is made by extract: before the stream's first extract, say
 * so. A `<many2one>__name` column exists only when display names land.
 */
function hint(error: unknown, model: ModelFile): string {
  const label = /^column (?:[a-z0-9_]+\.)?"?([a-z0-9_]+)__name"? does not exist/.exec(firstLine(error))?.[1];
  if (label) {
    return `: staging views have ${label}__name only with extract.display_names: true in elt.yml (then elt extract --full-refresh); or join the related stream's staging view for its name`;
  }
  const missing = /^relation "(stg_[a-z0-9_]+)" does not exist/.exec(firstLine(error))?.[1];
  if (!missing || !model.refs.includes(missing)) return '';
  const stream = [...model.aliases].find(([alias]) => model.refAliases.get(alias) === missing)?.[1];
  return `: elt extract makes it${stream ? ` (elt extract --streams ${stream})` : ''}`;
}
