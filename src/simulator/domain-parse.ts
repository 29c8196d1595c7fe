import { pyRepr, pythonError, reprLeaf, valueError } from './faults.ts';
import type { ModelInfo } from './model-info.ts';

/**
 * Turns a domain as sent over RPC into a tree, with Odoo 17's checks and
 * messages (odoo/osv/expression.py): `normalize_domain` (implicit '&',
 * "This domain is syntactically not correct"), `_anyfy_leaves` ("Invalid
 * field res.partner.x in leaf ('x', '=', 1)", checked for every leaf first),
 * `normalize_leaf` ('<>' is '!=', a boolean with 'in' is '=', a list with '='
 * is 'in') and `check_leaf` ("Invalid leaf ...").
 */
export type DomainNode =
  | { readonly kind: 'and' | 'or'; readonly children: readonly DomainNode[] }
  | { readonly kind: 'not'; readonly child: DomainNode }
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'leaf'; readonly left: string; readonly op: string; readonly right: unknown; readonly repr: string };

export const TERM_OPERATORS: ReadonlySet<string> = new Set([
  '=', '!=', '<=', '<', '>', '>=', '=?', '=like', '=ilike', 'like', 'not like', 'ilike', 'not ilike',
  'in', 'not in', 'child_of', 'parent_of', 'any', 'not any',
]);

export const NEGATIVE_OPERATORS: ReadonlySet<string> = new Set(['!=', 'not like', 'not ilike', 'not in']);

/** Parses and checks `domain` against `info`; `null`/`false` mean the empty domain. */
export function parseDomain(info: ModelInfo, domain: unknown): DomainNode {
  if (domain === null || domain === undefined || domain === false) return { kind: 'const', value: true };
  if (!Array.isArray(domain)) {
    throw pythonError('AssertionError', "Domains to normalize must have a 'domain' form: a list or tuple of domain components");
  }
  const tokens = normalizeDomain(domain);
  for (const token of tokens) if (Array.isArray(token)) checkLeafField(info, token);
  let pos = 0;
  const next = (): DomainNode => {
    const token = tokens[pos++];
    if (token === '&' || token === '|') {
      const a = next();
      const b = next();
      return { kind: token === '&' ? 'and' : 'or', children: [a, b] };
    }
    if (token === '!') return { kind: 'not', child: next() };
    return toLeaf(token as unknown[]);
  };
  return next();
}

/** Odoo's `normalize_domain`: explicit '&' between consecutive terms; `[]` is TRUE. */
export function normalizeDomain(domain: readonly unknown[]): unknown[] {
  if (domain.length === 0) return [[1, '=', 1]];
  const result: unknown[] = [];
  let expected = 1;
  for (const token of domain) {
    if (expected === 0) {
      result.unshift('&');
      expected = 1;
    }
    if (Array.isArray(token)) expected -= 1;
    else if (token === '&' || token === '|') expected += 1;
    else if (token !== '!') expected -= 1; // Odoo counts an unknown token as a term; toLeaf rejects it
    result.push(token);
  }
  if (expected !== 0) {
    throw pythonError('AssertionError', `This domain is syntactically not correct: ${pyRepr(domain)}`);
  }
  return result;
}

function isBooleanLeaf(leaf: readonly unknown[]): boolean {
  return leaf.length === 3 && (leaf[0] === 1 || leaf[0] === 0) && leaf[1] === '=' && leaf[2] === 1;
}

/** `_anyfy_leaves`: the first path element must be a field of the model. */
function checkLeafField(info: ModelInfo, leaf: readonly unknown[]): void {
  if (leaf.length !== 3) {
    throw valueError(`${leaf.length > 3 ? 'too many' : 'not enough'} values to unpack (expected 3, got ${leaf.length})`);
  }
  if (isBooleanLeaf(leaf)) return;
  const left = leaf[0];
  if (typeof left !== 'string') {
    throw pythonError('AttributeError', `'${typeof left === 'number' ? 'int' : 'bool'}' object has no attribute 'split'`);
  }
  const head = left.split('.', 1)[0]!;
  if (!info.fields[head]) throw valueError(`Invalid field ${info.name}.${head} in leaf ${reprLeaf(leaf)}`);
}

function toLeaf(token: unknown[] | unknown): DomainNode {
  if (!Array.isArray(token)) throw valueError(`Invalid leaf ${pyRepr(token)}`);
  if (isBooleanLeaf(token)) return { kind: 'const', value: token[0] === 1 };
  const [left, rawOp, right] = token as [string, unknown, unknown];
  let op = typeof rawOp === 'string' ? rawOp.toLowerCase() : rawOp;
  if (op === '<>') op = '!=';
  if (typeof right === 'boolean' && (op === 'in' || op === 'not in')) op = op === 'in' ? '=' : '!=';
  if (Array.isArray(right) && (op === '=' || op === '!=')) op = op === '=' ? 'in' : 'not in';
  const repr = reprLeaf([left, op, right]);
  if (typeof op !== 'string' || !TERM_OPERATORS.has(op)) throw valueError(`Invalid leaf ${repr}`);
  return { kind: 'leaf', left, op, right, repr };
}

/** Ids a search can seek to: bounds from the `id` leaves AND-ed at the top of the domain. */
export function idBounds(node: DomainNode): { lo: number; hi: number } {
  let lo = 1;
  let hi = Infinity;
  const visit = (n: DomainNode): void => {
    if (n.kind === 'and') {
      n.children.forEach(visit);
      return;
    }
    if (n.kind !== 'leaf' || n.left !== 'id') return;
    const r = n.right;
    if (typeof r === 'number') {
      if (n.op === '>') lo = Math.max(lo, Math.floor(r) + 1);
      else if (n.op === '>=') lo = Math.max(lo, Math.ceil(r));
      else if (n.op === '<') hi = Math.min(hi, Math.ceil(r) - 1);
      else if (n.op === '<=') hi = Math.min(hi, Math.floor(r));
      else if (n.op === '=') {
        lo = Math.max(lo, r);
        hi = Math.min(hi, r);
      }
    } else if (n.op === 'in' && Array.isArray(r) && r.length > 0 && r.every((v) => typeof v === 'number')) {
      // a loop, not Math.min(...r): a list of 100k ids would overflow the call stack
      let min = Infinity;
      let max = -Infinity;
      for (const v of r as number[]) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      lo = Math.max(lo, min);
      hi = Math.min(hi, max);
    }
  };
  visit(node);
  return { lo, hi };
}
