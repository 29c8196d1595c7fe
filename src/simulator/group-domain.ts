/**
 * A read_group row's `__domain`: the call's domain AND-ed with each group's
 * condition, written out as the two Odoo generations write it. Odoo 17
 * (`expression.AND` over `normalize_domain`) nests: `['&', d, '&', a, b]`.
 * Odoo 19 builds `Domain` objects, which flatten nested ANDs and ORs, push a
 * '!' into the condition it negates, and drop TRUE leaves: `['&', '&', d, a, b]`.
 */
import { normalizeDomain } from './domain-parse.ts';

const TRUE_LEAF = [1, '=', 1] as const;
const FALSE_LEAF = [0, '=', 1] as const;

/** A domain being built up group condition by group condition; `list()` gives it as Odoo sends it. */
export interface GroupDomain {
  and(condition: readonly unknown[]): GroupDomain;
  list(): unknown[];
}

export function groupDomain(domain: unknown, version: number): GroupDomain {
  return version >= 19 ? domain19(parse19(domain)) : domain17(domain);
}

function domain17(domain: unknown): GroupDomain {
  return {
    and: (condition) => domain17(and17([domain, condition])),
    // read_group sets `row['__domain'] = domain` as the call gave it
    list: () => domain as unknown[],
  };
}

/** `expression.AND`: the non-empty domains, normalized (already checked by the search), behind one '&' per extra domain. */
function and17(domains: readonly unknown[]): unknown[] {
  const parts = domains.filter((d): d is unknown[] => Array.isArray(d) && d.length > 0).map(normalizeDomain);
  if (parts.length === 0) return [[...TRUE_LEAF]];
  return [...Array<string>(parts.length - 1).fill('&'), ...parts.flat(1)];
}

type Node19 =
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'cond'; readonly leaf: readonly [string, string, unknown] }
  | { readonly kind: '&' | '|'; readonly children: readonly Node19[] }
  | { readonly kind: '!'; readonly child: Node19 };

const TRUE: Node19 = { kind: 'bool', value: true };
const FALSE: Node19 = { kind: 'bool', value: false };

// Domain's _INVERSE_OPERATOR: what `~condition` becomes on a plain field
const INVERSE: Readonly<Record<string, string>> = {
  'not any': 'any', 'not any!': 'any!', 'not in': 'in', 'not like': 'like', 'not ilike': 'ilike',
  'not =like': '=like', 'not =ilike': '=ilike', '!=': '=', '<>': '=', any: 'not any', 'any!': 'not any!',
  in: 'not in', like: 'not like', ilike: 'not ilike', '=like': 'not =like', '=ilike': 'not =ilike', '=': '!=',
};

function domain19(node: Node19): GroupDomain {
  return { and: (condition) => domain19(nary('&', [node, parse19(condition)])), list: () => list19(node) };
}

/** `Domain(list)`: items read from the end on a stack; what is left over is AND-ed in order. */
function parse19(domain: unknown): Node19 {
  if (!Array.isArray(domain) || domain.length === 0) return TRUE;
  const stack: Node19[] = [];
  for (const item of [...domain].reverse()) {
    if (item === '&' || item === '|') stack.push(nary(item, [stack.pop()!, stack.pop()!]));
    else if (item === '!') stack.push(invert(stack.pop()!));
    else stack.push(condition(item as unknown[]));
  }
  return stack.length === 1 ? stack[0]! : nary('&', stack.reverse());
}

function condition(item: readonly unknown[]): Node19 {
  const [left, op, value] = item;
  if (left === TRUE_LEAF[0] && op === '=' && value === 1) return TRUE;
  if (left === FALSE_LEAF[0] && op === '=' && value === 1) return FALSE;
  // DomainCondition.checked(): lower-case operators, None as False
  return { kind: 'cond', leaf: [String(left), String(op).toLowerCase(), value ?? false] };
}

/** DomainAnd/DomainOr.apply: constants simplified away, same-kind children flattened. */
function nary(kind: '&' | '|', items: readonly Node19[]): Node19 {
  const neutral = kind === '&';
  const children: Node19[] = [];
  for (const child of items) {
    if (child.kind === 'bool') {
      if (child.value !== neutral) return child;
    } else if (child.kind === kind) children.push(...child.children);
    else children.push(child);
  }
  if (children.length === 0) return neutral ? TRUE : FALSE;
  return children.length === 1 ? children[0]! : { kind, children };
}

function invert(node: Node19): Node19 {
  switch (node.kind) {
    case 'bool':
      return node.value ? FALSE : TRUE;
    case '!':
      return node.child;
    case '&':
    case '|':
      return { kind: node.kind === '&' ? '|' : '&', children: node.children.map(invert) };
    case 'cond': {
      const [left, op, value] = node.leaf;
      const inverse = left.includes('.') ? undefined : INVERSE[op];
      return inverse ? { kind: 'cond', leaf: [left, inverse, value] } : { kind: '!', child: node };
    }
  }
}

function list19(node: Node19): unknown[] {
  switch (node.kind) {
    case 'bool':
      return [[...(node.value ? TRUE_LEAF : FALSE_LEAF)]];
    case 'cond':
      return [[...node.leaf]];
    case '!':
      return ['!', ...list19(node.child)];
    default:
      return [...Array<string>(node.children.length - 1).fill(node.kind), ...node.children.flatMap(list19)];
  }
}
