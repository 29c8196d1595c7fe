import { reprLeaf, valueError } from './faults.ts';
import type { FieldDef, RecordValues } from './model-def.ts';
import type { ModelInfo } from './model-info.ts';
import { childOfIds } from './domain-child-of.ts';
import { idBounds, NEGATIVE_OPERATORS, parseDomain, type DomainNode } from './domain-parse.ts';
import { isNull, scalarPredicate } from './domain-leaf.ts';
import { oneToManyIds, type RecordSource } from './record-source.ts';
import { isSearchable } from './related-path.ts';

export type Predicate = (rec: RecordValues) => boolean;

export interface CompiledDomain {
  readonly test: Predicate;
  /** Only records with lo <= id <= hi can match (from top-level `id` leaves). */
  readonly lo: number;
  readonly hi: number;
}

/** What a compiled leaf depends on besides its model: the records, the context's active_test, the Odoo version. */
interface Ctx {
  readonly store: RecordSource;
  readonly activeTest: boolean;
  readonly version: number;
}

const TRUE: Predicate = () => true;
const FALSE: Predicate = () => false;
/** The parent columns a LEFT JOIN yields when there is no parent row: all NULL. */
const NO_ROW: RecordValues = Object.freeze({});

/**
 * Compiles an Odoo domain into a predicate over stored records.
 *
 * active_test is Odoo 17's `_search` rule: when the model has an active
 * field, the context's active_test is not false and no top-level item of the
 * domain starts with the active field's name, `(active, '=', 1)` is prepended.
 */
export function compileDomain(store: RecordSource, info: ModelInfo, domain: unknown, activeTest: boolean, version = 17): CompiledDomain {
  let effective = domain;
  const active = info.activeName;
  if (active && activeTest && (Array.isArray(domain) || isNull(domain))) {
    const items = (domain ?? []) as unknown[];
    const mentions = items.some((item) => (Array.isArray(item) || typeof item === 'string') && item[0] === active);
    if (!mentions) effective = [[active, '=', 1], ...items];
  }
  const tree = parseDomain(info, effective);
  const { lo, hi } = idBounds(tree);
  return { test: compileNode({ store, activeTest, version }, info, tree), lo, hi };
}

function compileNode(ctx: Ctx, info: ModelInfo, node: DomainNode): Predicate {
  switch (node.kind) {
    case 'const':
      return node.value ? TRUE : FALSE;
    case 'not': {
      const child = compileNode(ctx, info, node.child);
      return (rec) => !child(rec);
    }
    case 'and':
    case 'or': {
      const [a, b] = node.children.map((c) => compileNode(ctx, info, c)) as [Predicate, Predicate];
      return node.kind === 'and' ? (rec) => a(rec) && b(rec) : (rec) => a(rec) || b(rec);
    }
    case 'leaf':
      return compileLeaf(ctx, info, node);
  }
}

type Leaf = Extract<DomainNode, { kind: 'leaf' }>;

function leafOf(left: string, op: string, right: unknown): Leaf {
  return { kind: 'leaf', left, op, right, repr: reprLeaf([left, op, right]) };
}

/** One leaf, in the order of Odoo 17's expression.py `parse()`. */
function compileLeaf(ctx: Ctx, info: ModelInfo, leaf: Leaf): Predicate {
  const { left, op, right } = leaf;
  const dot = left.indexOf('.');
  const head = dot >= 0 ? left.slice(0, dot) : left;
  const field = info.fields[head]!;
  if (field.inherited) return compileInherited(ctx, info, field, leaf);
  if (dot >= 0) {
    // `_anyfy_leaves`: 'order_id.state' is ('order_id', 'any', [('state', ...)])
    if (!isRelational(field)) throw valueError(`Invalid field ${info.name}.${left} in leaf ${leaf.repr}`);
    return compileAny(ctx, info, head, field, 'any', [[left.slice(dot + 1), op, right]]);
  }
  if (op === 'any' || op === 'not any') {
    if (!isRelational(field)) throw valueError(`Invalid leaf ${leaf.repr}`);
    return compileAny(ctx, info, left, field, op, right);
  }
  if (op === 'child_of') {
    const target = left === 'id' ? info : field.type === 'many2one' ? comodelInfo(ctx.store, field) : undefined;
    if (!target) throw valueError(`the simulator implements 'child_of' on id and many2one fields only (leaf ${leaf.repr})`);
    const ids = childOfIds(ctx.store, target, right, leaf.repr);
    return (rec) => ids.has(rec[left] as number);
  }
  if (op === 'parent_of') throw valueError(`the simulator does not implement 'parent_of' (leaf ${leaf.repr})`);
  if (field.store === false) return compileNonStored(ctx, info, left, field, op, right);
  if (field.type === 'one2many' || field.type === 'many2many') return compileX2many(ctx.store, left, field, op, right);
  const get = (rec: RecordValues): unknown => rec[left];
  if (field.type === 'many2one' && isNameCriterion(right)) return compileMany2oneName(ctx.store, get, field, op, right);
  const p = scalarPredicate(field.type, op, right);
  return (rec) => p(get(rec));
}

/**
 * A field taken over through `_inherits`: Odoo 17 and 18 LEFT JOIN the
 * parent and evaluate the leaf there (without a parent row it sees NULLs);
 * 19 searches (link, 'any', leaf), which a record without parent fails.
 */
function compileInherited(ctx: Ctx, info: ModelInfo, field: FieldDef, leaf: Leaf): Predicate {
  const link = field.related![0]!;
  const linkField = info.fields[link]!;
  const parent = comodelInfo(ctx.store, linkField);
  const parentIds = relatedIds(ctx.store, link, linkField);
  const sub = compileLeaf(ctx, parent, leaf);
  let orphan: boolean | undefined;
  return (rec) => {
    const id = parentIds(rec)[0];
    const row = id === undefined ? undefined : ctx.store.get(parent.name, id);
    if (row) return sub(row);
    return (orphan ??= ctx.version < 19 && sub(NO_ROW));
  };
}

/**
 * A non-stored field: display_name through `_search_display_name`, a related
 * field through `_search_related` when its target is searchable. Any other
 * is Odoo 17's `elif not field.store:` without `field.search`: it logs
 * "Non-stored field %s cannot be searched." and the leaf is TRUE (18 and 19
 * do the same).
 */
function compileNonStored(ctx: Ctx, info: ModelInfo, name: string, field: FieldDef, op: string, right: unknown): Predicate {
  if (name === 'display_name') {
    const p = scalarPredicate('char', op, right);
    return (rec) => p(ctx.store.displayName(info.name, rec.id as number));
  }
  if (!field.related || !isSearchable(ctx.store, info, name)) return TRUE;
  return compileRelatedPath(ctx, info, field.related, op, right);
}

/**
 * `_search_related`. Odoo 17 searches (path, op, value), whose dotted path
 * becomes nested 'any' leaves: a record with an unset link on the way never
 * matches. From 18 the nested 'any' also accepts an unset optional many2one
 * when the condition holds for NULL (`can_be_null`), and a negative operator
 * with a non-NULL value is the negation of the positive one.
 */
function compileRelatedPath(ctx: Ctx, info: ModelInfo, path: readonly string[], op: string, right: unknown): Predicate {
  if (ctx.version < 18) return compileLeaf(ctx, info, leafOf(path.join('.'), op, right));
  const valueIsNull = Array.isArray(right) ? right.some(isNull) : isNull(right);
  const negative = NEGATIVE_OPERATORS.has(op);
  if (negative && !valueIsNull) {
    const positive = compileRelatedPath(ctx, info, path, POSITIVE[op]!, right);
    return (rec) => !positive(rec);
  }
  return anyChain(ctx, info, path, op, right, !negative === valueIsNull);
}

function anyChain(ctx: Ctx, info: ModelInfo, path: readonly string[], op: string, right: unknown, canBeNull: boolean): Predicate {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return compileLeaf(ctx, info, leafOf(head, op, right));
  const field = info.fields[head]!;
  const comodel = comodelInfo(ctx.store, field);
  const inner = anyChain({ ...ctx, activeTest: field.type === 'many2one' ? false : ctx.activeTest }, comodel, rest, op, right, canBeNull);
  const ids = relatedIds(ctx.store, head, field);
  const orUnset = canBeNull && field.type === 'many2one' && !field.required;
  return (rec) => {
    const list = ids(rec);
    if (list.length === 0) return orUnset;
    return list.some((id) => {
      const target = ctx.store.get(comodel.name, id);
      return target !== undefined && inner(target);
    });
  };
}

function isRelational(field: FieldDef): boolean {
  return field.type === 'many2one' || field.type === 'one2many' || field.type === 'many2many';
}

function isNameCriterion(right: unknown): boolean {
  return typeof right === 'string' || (Array.isArray(right) && right.length > 0 && right.every((v) => typeof v === 'string'));
}

/** ids of the related records of a relational field, for one record (a non-stored hop of a related path through its compute). */
function relatedIds(store: RecordSource, name: string, field: FieldDef): (rec: RecordValues) => readonly number[] {
  if (field.type === 'one2many') return (rec) => oneToManyIds(store, field, rec.id as number);
  const compute = field.store === false ? field.compute : undefined;
  const get = compute ? (rec: RecordValues) => compute(rec, store) : (rec: RecordValues) => rec[name];
  if (field.type === 'many2many') return (rec) => (get(rec) as number[] | undefined) ?? [];
  return (rec) => {
    const id = get(rec);
    return typeof id === 'number' && id > 0 ? [id] : [];
  };
}

function comodelInfo(store: RecordSource, field: FieldDef): ModelInfo {
  const info = store.info(field.relation!);
  if (!info) throw valueError(`Invalid model ${field.relation}`);
  return info;
}

/**
 * ('f', 'any', domain): a many2one searches its comodel with active_test=False,
 * an x2many with the caller's context. On a non-stored field Odoo 17 then
 * searches ('f', 'in', ids) (a many2one's 'not any' is 'not in' ids or unset).
 */
function compileAny(ctx: Ctx, info: ModelInfo, name: string, field: FieldDef, op: string, subdomain: unknown): Predicate {
  const { store } = ctx;
  const comodel = comodelInfo(store, field);
  const sub = compileDomain(store, comodel, subdomain, field.type === 'many2one' ? false : ctx.activeTest, ctx.version).test;
  if (field.store === false) {
    if (!isSearchable(store, info, name)) return TRUE;
    const ids: number[] = [];
    for (const rec of store.scan(comodel.name)) if (sub(rec)) ids.push(rec.id as number);
    if (op === 'any' || field.type !== 'many2one') return compileNonStored(ctx, info, name, field, op === 'any' ? 'in' : 'not in', ids);
    const notIn = compileNonStored(ctx, info, name, field, 'not in', ids);
    const unset = compileNonStored(ctx, info, name, field, '=', false);
    return (rec) => notIn(rec) || unset(rec);
  }
  const ids = relatedIds(store, name, field);
  const matches = (rec: RecordValues): boolean =>
    ids(rec).some((id) => {
      const target = store.get(comodel.name, id);
      return target !== undefined && sub(target);
    });
  return op === 'any' ? matches : (rec) => !matches(rec);
}

const POSITIVE: Record<string, string> = { '!=': '=', 'not like': 'like', 'not ilike': 'ilike', 'not in': 'in' };

function compileX2many(store: RecordSource, name: string, field: FieldDef, op: string, right: unknown): Predicate {
  const ids = relatedIds(store, name, field);
  const negative = NEGATIVE_OPERATORS.has(op);
  if (isNull(right)) {
    // "rewrite condition to match records with/without lines"
    return negative ? (rec) => ids(rec).length > 0 : (rec) => ids(rec).length === 0;
  }
  let wanted: Set<number>;
  if (typeof right === 'string') {
    wanted = nameSearch(store, comodelInfo(store, field), right, negative ? POSITIVE[op]! : op);
  } else {
    wanted = new Set((Array.isArray(right) ? right : [right]).filter((v): v is number => typeof v === 'number'));
  }
  const any = (rec: RecordValues): boolean => ids(rec).some((id) => wanted.has(id));
  return negative ? (rec) => !any(rec) : any;
}

/** A many2one compared with names: Odoo 17 resolves them with `_name_search` on the comodel (active_test=False). */
function compileMany2oneName(
  store: RecordSource, get: (rec: RecordValues) => unknown, field: FieldDef, op: string, right: unknown,
): Predicate {
  let op2 = op === '<' || op === '>' || op === '<=' || op === '>=' ? 'in' : op;
  if (!Array.isArray(right) && (op2 === 'in' || op2 === 'not in')) op2 = op2 === 'in' ? '=' : '!=';
  else if (Array.isArray(right) && (op2 === '=' || op2 === '!=')) op2 = op2 === '=' ? 'in' : 'not in';
  const ids = nameSearch(store, comodelInfo(store, field), right, op2);
  if (NEGATIVE_OPERATORS.has(op2)) {
    return (rec) => {
      const v = get(rec);
      return isNull(v) || ids.has(v as number);
    };
  }
  return (rec) => {
    const v = get(rec);
    return !isNull(v) && ids.has(v as number);
  };
}

/**
 * `_name_search(name, [], operator)`: the records whose name matches. Odoo
 * matches `_rec_names_search` (or the rec name); we match the display name,
 * which is built from those same fields.
 */
export function nameSearch(store: RecordSource, info: ModelInfo, name: unknown, op: string): Set<number> {
  const p = scalarPredicate('char', op, name);
  const ids = new Set<number>();
  for (const rec of store.scan(info.name)) {
    const id = rec.id as number;
    if (p(store.displayName(info.name, id))) ids.add(id);
  }
  return ids;
}
