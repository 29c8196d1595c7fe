/**
 * The Odoo client the extractor uses: one authenticated session over any
 * transport, every call through the retry loop, typed helpers for the ORM
 * methods an ELT needs. Helpers pass the domain positionally (args[0]): its
 * keyword is `args` on Odoo 16 and `domain` from 17 on.
 */
import { OdooLoginError, OdooProtocolError } from './errors.ts';
import { and, leaf, type Domain } from './domain.ts';
import { keysetPages } from './keyset.ts';
import { readGroupCall, readGroupRow, type ReadGroupOptions, type ReadGroupRow } from './read-group.ts';
import { withRetry, type RetryLogger, type RetryOptions } from './retry.ts';
import type { Credentials, ServerVersion, Transport, TransportName } from './transport.ts';

export type OdooRecord = { id: number } & Record<string, unknown>;
export type OdooContext = Readonly<Record<string, unknown>>;

/** One entry of `fields_get`: the attributes asked for, as Odoo sent them. */
export interface FieldInfo {
  type: string;
  string?: string;
  store?: boolean;
  relation?: string;
  required?: boolean;
  readonly?: boolean;
  /** `[value, label]` pairs for selection fields. */
  selection?: [string | number, string][];
  [attribute: string]: unknown;
}

export interface SearchOptions {
  readonly order?: string;
  readonly limit?: number;
  readonly offset?: number;
  readonly context?: OdooContext;
}

/**
 * Whether a many2one comes as `[id, "display name"]` (Odoo's default, true)
 * or as the bare id (false): Odoo then skips each related record's display
 * name, 1.4-1.8x less of its time on a wide model (read's `load` argument,
 * there since Odoo 8, on every transport).
 */
export interface NamesOption {
  readonly displayNames?: boolean;
}

export interface SearchReadOptions extends SearchOptions, NamesOption {
  readonly fields: readonly string[];
}

export interface ReadOptions extends ContextOption, NamesOption {}

export interface ContextOption {
  readonly context?: OdooContext;
}

/** How `iterate` and `pages` walk a model. */
export interface IterateOptions extends ContextOption, NamesOption {
  readonly fields: readonly string[];
  /** Records per request; default 1000, the extractor's page. */
  readonly pageSize?: number;
  /** Start after this id (0, the default: from the first record). */
  readonly after?: number;
  /** Stop after this many records; default all. No page is asked for beyond them. */
  readonly limit?: number;
}

/** Records per request of `iterate` and `pages`. */
export const DEFAULT_PAGE_SIZE = 1000;

export interface ConnectOptions {
  readonly transport: Transport;
  readonly credentials: Credentials;
  readonly retry?: RetryOptions;
  readonly logger?: RetryLogger;
}

export const DEFAULT_FIELD_ATTRIBUTES: readonly string[] = ['type', 'string', 'store', 'relation', 'required', 'readonly', 'selection'];

export class OdooClient {
  readonly uid: number;
  readonly transportName: TransportName;
  // Private fields (#) stay out of util.inspect and JSON: the secret cannot leak through a logged client.
  readonly #transport: Transport;
  readonly #credentials: Credentials;
  readonly #retry: RetryOptions;
  readonly #logger: RetryLogger | undefined;
  #version: Promise<ServerVersion> | undefined;

  private constructor(options: ConnectOptions, uid: number) {
    this.uid = uid;
    this.transportName = options.transport.name;
    this.#transport = options.transport;
    this.#credentials = options.credentials;
    this.#retry = options.retry ?? {};
    this.#logger = options.logger;
  }

  /**
   * Odoo's clock, from the `Date` header of its latest answer: no request of its own, never
   * ahead of the server. Null when Odoo's answers carry no Date (a proxy dropped it).
   */
  serverClock(): Date | null {
    return this.#transport.serverClock?.() ?? null;
  }

  /** Authenticates (with retries on transient failures); throws OdooLoginError when Odoo says no. */
  static async connect(options: ConnectOptions): Promise<OdooClient> {
    const { transport, credentials } = options;
    const uid = await withRetry(
      () => transport.authenticate(credentials),
      { method: 'authenticate' },
      options.retry,
      options.logger,
    );
    if (uid === false) throw new OdooLoginError(credentials.login, credentials.db);
    return new OdooClient(options, uid);
  }

  /** The server's version, asked once. */
  version(): Promise<ServerVersion> {
    if (this.#version === undefined) {
      const pending = withRetry(() => this.#transport.version(), { method: 'version' }, this.#retry, this.#logger);
      // Cache successes only, so a failed first ask can be asked again.
      pending.catch(() => {
        if (this.#version === pending) this.#version = undefined;
      });
      this.#version = pending;
    }
    return this.#version;
  }

  executeKw<T = unknown>(
    model: string,
    method: string,
    args: readonly unknown[] = [],
    kwargs: Readonly<Record<string, unknown>> = {},
  ): Promise<T> {
    const cleanKwargs = withoutUndefined(kwargs);
    return withRetry(
      () => this.#transport.executeKw(this.#credentials, this.uid, model, method, args, cleanKwargs),
      { model, method },
      this.#retry,
      this.#logger,
    ) as Promise<T>;
  }

  async search(model: string, domain: Domain, options: SearchOptions = {}): Promise<number[]> {
    const { order, limit, offset, context } = options;
    const ids = await this.executeKw(model, 'search', [domain], { order, limit, offset, context });
    return expectIds(ids, model, 'search');
  }

  async searchRead<T extends OdooRecord = OdooRecord>(model: string, domain: Domain, options: SearchReadOptions): Promise<T[]> {
    const { fields, order, limit, offset, context, displayNames } = options;
    const records = await this.executeKw(model, 'search_read', [domain], { fields, order, limit, offset, context, load: loadOf(displayNames) });
    return expectRecords<T>(records, model, 'search_read');
  }

  async read<T extends OdooRecord = OdooRecord>(
    model: string,
    ids: readonly number[],
    fields: readonly string[],
    options: ReadOptions = {},
  ): Promise<T[]> {
    if (ids.length === 0) return [];
    const records = await this.executeKw(model, 'read', [ids], { fields, context: options.context, load: loadOf(options.displayNames) });
    return expectRecords<T>(records, model, 'read');
  }

  /**
   * Every record matching `domain`, in id order, read in keyset pages
   * (`id > last`, never a growing offset) as the extractor reads: the next
   * page is asked for while the caller works on this one. Archived records
   * stay hidden unless `context: { active_test: false }`.
   */
  async *iterate<T extends OdooRecord = OdooRecord>(model: string, domain: Domain, options: IterateOptions): AsyncGenerator<T> {
    for await (const page of this.pages<T>(model, domain, options)) yield* page;
  }

  /** `iterate`, a page (an array of up to `pageSize` records) at a time: for batch writes. */
  async *pages<T extends OdooRecord = OdooRecord>(model: string, domain: Domain, options: IterateOptions): AsyncGenerator<T[]> {
    const { pageSize = DEFAULT_PAGE_SIZE, after = 0, limit = Infinity, ...read } = options;
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a whole number of 1 or more, got ${pageSize}`);
    if (limit !== Infinity && (!Number.isInteger(limit) || limit < 0)) throw new RangeError(`limit must be a whole number of 0 or more, got ${limit}`);
    if (limit === 0) return;
    const size = Math.min(pageSize, limit);
    const fetch = (last: number) => this.searchRead<T>(model, and(domain, [leaf('id', '>', last)]), { ...read, order: 'id', limit: size });
    let left = limit;
    for await (const page of keysetPages(fetch, (record) => record.id, size, after, limit)) {
      const items = page.items.slice(0, left);
      left -= items.length;
      if (items.length) yield items;
    }
  }

  async searchCount(model: string, domain: Domain, options: ContextOption = {}): Promise<number> {
    const count = await this.executeKw(model, 'search_count', [domain], { context: options.context });
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new OdooProtocolError(`${model}.search_count answered ${describe(count)} instead of a count`);
    }
    return count;
  }

  /**
   * Odoo's read_group: one row per group with its value under each groupBy
   * spec, its `count`, the `aggregates` asked for, its `domain` and, for
   * date groups, `ranges` (`read-group.ts`). The same rows on Odoo 16 to 19
   * and every transport.
   */
  async readGroup(model: string, domain: Domain, options: ReadGroupOptions): Promise<ReadGroupRow[]> {
    const call = readGroupCall(domain, options);
    const groups = await this.executeKw(model, 'read_group', call.args, call.kwargs);
    const isGroup = (g: unknown) => typeof g === 'object' && g !== null && !Array.isArray(g);
    if (!Array.isArray(groups) || !groups.every(isGroup)) {
      throw new OdooProtocolError(`${model}.read_group answered ${describe(groups)} instead of a list of groups`);
    }
    return groups.map((group: Record<string, unknown>) => readGroupRow(group, call, model));
  }

  async fieldsGet(
    model: string,
    attributes: readonly string[] = DEFAULT_FIELD_ATTRIBUTES,
    options: ContextOption = {},
  ): Promise<Record<string, FieldInfo>> {
    const fields = await this.executeKw(model, 'fields_get', [], { attributes, context: options.context });
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      throw new OdooProtocolError(`${model}.fields_get answered ${describe(fields)} instead of a field map`);
    }
    return fields as Record<string, FieldInfo>;
  }
}

/** Any `load` but '_classic_read' gives bare many2one ids; Odoo's default is left unsaid. */
function loadOf(displayNames: boolean | undefined): string | undefined {
  return displayNames === false ? '_classic_write' : undefined;
}

/** Keyword arguments without the undefined ones: Odoo should see its defaults, not null. */
function withoutUndefined(kwargs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(kwargs).filter(([, value]) => value !== undefined));
}

function expectIds(value: unknown, model: string, method: string): number[] {
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'number')) {
    throw new OdooProtocolError(`${model}.${method} answered ${describe(value)} instead of a list of ids`);
  }
  return value as number[];
}

function expectRecords<T extends OdooRecord>(value: unknown, model: string, method: string): T[] {
  const isRecord = (r: unknown) => typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'number';
  if (!Array.isArray(value) || !value.every(isRecord)) {
    throw new OdooProtocolError(`${model}.${method} answered ${describe(value)} instead of a list of records with ids`);
  }
  return value as T[];
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list of something else';
  return `a ${typeof value}`;
}
