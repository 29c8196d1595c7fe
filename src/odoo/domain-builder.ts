/**
 * A fluent, immutable way to write a domain in a script:
 *
 *   domainOf<PosOrder>().equals('state', 'paid').greaterThan('amount_total', 100).in('config_id', [1, 2]).build()
 *
 * gives `[['state', '=', 'paid'], ['amount_total', '>', 100], ['config_id', 'in', [1, 2]]]`
 * (expressions side by side are ANDed, as Odoo reads them). Typed with a record
 * type, the field names are checked: a typo fails to compile; a dotted path
 * (`partner_id.country_id.code`) is always accepted. Each call returns a new
 * builder, so a shared base can be extended safely. Built on domain.ts's
 * `leaf`, `and`, `or` and `not`, which keep Odoo's semantics.
 */
import { leaf, not, or, type Domain, type Operator } from './domain.ts';

/** `T`'s declared keys, without an index signature's `string` (OdooRecord has one). */
type DeclaredKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/**
 * The field names `T` declares, or any dotted path through a relation; any
 * name when `T` declares none (the default, a plain record).
 */
export type FieldName<T> = [DeclaredKeys<T>] extends [never] ? string : (DeclaredKeys<T> & string) | `${string}.${string}`;

/** What `or`, `and` and `not` take: a builder or a domain as a list. */
export type DomainLike = DomainBuilder<any> | Domain;

export class DomainBuilder<T = Record<string, unknown>> {
  readonly #domain: Domain;

  constructor(domain: Domain = []) {
    this.#domain = domain;
  }

  /** Any leaf: `where('name', '=ilike', 'shop%')`. */
  where(field: FieldName<T>, operator: Operator, value: unknown): DomainBuilder<T> {
    return new DomainBuilder<T>([...this.#domain, leaf(field, operator, value)]);
  }

  equals(field: FieldName<T>, value: unknown): DomainBuilder<T> {
    return this.where(field, '=', value);
  }

  notEquals(field: FieldName<T>, value: unknown): DomainBuilder<T> {
    return this.where(field, '!=', value);
  }

  greaterThan(field: FieldName<T>, value: unknown): DomainBuilder<T> {
    return this.where(field, '>', value);
  }

  greaterOrEqual(field: FieldName<T>, value: unknown): DomainBuilder<T> {
    return this.where(field, '>=', value);
  }

  lessThan(field: FieldName<T>, value: unknown): DomainBuilder<T> {
    return this.where(field, '<', value);
  }

  lessOrEqual(field: FieldName<T>, value: unknown): DomainBuilder<T> {
    return this.where(field, '<=', value);
  }

  /** `from <= field < to`: the half-open range dates and datetimes want. */
  between(field: FieldName<T>, from: unknown, to: unknown): DomainBuilder<T> {
    return this.where(field, '>=', from).where(field, '<', to);
  }

  in(field: FieldName<T>, values: readonly unknown[]): DomainBuilder<T> {
    return this.where(field, 'in', [...values]);
  }

  notIn(field: FieldName<T>, values: readonly unknown[]): DomainBuilder<T> {
    return this.where(field, 'not in', [...values]);
  }

  /** Case-sensitive substring match (Odoo wraps the value in %). */
  like(field: FieldName<T>, value: string): DomainBuilder<T> {
    return this.where(field, 'like', value);
  }

  /** Case-insensitive substring match. */
  ilike(field: FieldName<T>, value: string): DomainBuilder<T> {
    return this.where(field, 'ilike', value);
  }

  notIlike(field: FieldName<T>, value: string): DomainBuilder<T> {
    return this.where(field, 'not ilike', value);
  }

  /** The field has a value (Odoo's `!= False`). */
  isSet(field: FieldName<T>): DomainBuilder<T> {
    return this.where(field, '!=', false);
  }

  /** The field is empty (Odoo's `= False`). */
  isNotSet(field: FieldName<T>): DomainBuilder<T> {
    return this.where(field, '=', false);
  }

  childOf(field: FieldName<T>, ids: number | readonly number[]): DomainBuilder<T> {
    return this.where(field, 'child_of', typeof ids === 'number' ? ids : [...ids]);
  }

  /** AND with the given domains. */
  and(...domains: DomainLike[]): DomainBuilder<T> {
    return new DomainBuilder<T>([...this.#domain, ...domains.flatMap(toDomain)]);
  }

  /** AND with one of the alternatives: `.or(a, b)` adds `(a OR b)`. */
  or(...alternatives: DomainLike[]): DomainBuilder<T> {
    return new DomainBuilder<T>([...this.#domain, ...or(...alternatives.map(toDomain))]);
  }

  /** AND with the negation of `domain`. */
  not(domain: DomainLike): DomainBuilder<T> {
    return new DomainBuilder<T>([...this.#domain, ...not(toDomain(domain))]);
  }

  /** The domain, as `searchRead`, `iterate` and elt.yml's `domain:` take it. */
  build(): Domain {
    return this.#domain;
  }
}

/** A new, empty builder (matches every record until a condition is added). */
export function domainOf<T = Record<string, unknown>>(): DomainBuilder<T> {
  return new DomainBuilder<T>();
}

function toDomain(value: DomainLike): Domain {
  return value instanceof DomainBuilder ? value.build() : value;
}
