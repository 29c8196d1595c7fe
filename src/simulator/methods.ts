import { accessError, invalidField, pythonError, userError, valueError } from './faults.ts';
import { bindArgs, splitIds, type Signature } from './method-args.ts';
import type { ModelInfo } from './model-info.ts';
import { compileDomain, nameSearch } from './domain-eval.ts';
import { fieldsGet } from './fields-get.ts';
import { createRecords, unlinkRecords, writeRecords, type WriteContext } from './mutations.ts';
import { compileOrder } from './order.ts';
import { readRecord } from './read-format.ts';
import { readGroup } from './read-group.ts';
import type { Stamp } from './model-def.ts';
import type { Store } from './store.ts';
import type { ComputeFailures } from './compute-failures.ts';
import { searchIds, type SearchParams } from './search.ts';

/** What one execute_kw call runs with. */
export interface MethodEnv {
  readonly store: Store;
  readonly version: number;
  /** Models whose records this user may not touch (fault 4). */
  readonly denied: ReadonlySet<string>;
  /** Computed fields that raise for some records (a buggy module). */
  readonly computeFailures: ComputeFailures;
  /** uid and write_date for the call's writes: Odoo stamps the transaction start (`cr.now()`). */
  readonly stamp: Stamp;
}

interface Call {
  readonly env: MethodEnv;
  readonly info: ModelInfo;
  readonly args: readonly unknown[];
  readonly kwargs: Readonly<Record<string, unknown>>;
  /** The context's active_test (Odoo: `context.get('active_test', True)`). */
  readonly activeTest: boolean;
  readonly context: Readonly<Record<string, unknown>>;
}

type Method = (call: Call) => unknown;

/**
 * `execute_kw(model, method, args, kwargs)` for the ORM methods an
 * extractor uses, with Odoo 17 signatures and checks in Odoo's order:
 * private method names (AccessError), unknown model (UserError), unknown
 * method (AttributeError), then the method's own access check.
 */
export function callMethod(env: MethodEnv, model: string, method: string, args: unknown, kwargs: unknown): unknown {
  if (method.startsWith('_') || method === 'init') {
    throw accessError(`Private methods (such as ${method}) cannot be called remotely.`);
  }
  // res.users is always there on Odoo, whatever models a test installs; JSON-2 clients ask it for their uid
  if (model === 'res.users' && method === 'context_get') return contextGet(env);
  const info = env.store.info(model);
  if (!info) throw userError(`Object ${model} doesn't exist`);
  const { context, ...kw } = (kwargs ?? {}) as Record<string, unknown>;
  const ctx = (context && typeof context === 'object' ? context : {}) as Record<string, unknown>;
  const impl = methodsFor(env.version)[method];
  if (!impl) throw pythonError('AttributeError', `The method '${method}' does not exist on the model '${model}'`);
  const activeTest = !('active_test' in ctx) || Boolean(ctx.active_test);
  return impl({ env, info, args: Array.isArray(args) ? args : [], kwargs: kw, activeTest, context: ctx });
}

/** `res.users.context_get()`: the user's lang and tz; Odoo 19 adds the uid ("ensure uid is set"). */
function contextGet(env: MethodEnv): Record<string, unknown> {
  const context: Record<string, unknown> = { lang: 'en_US', tz: 'Europe/Paris' };
  if (env.version >= 19) context.uid = env.stamp.uid;
  return context;
}

const MODES: Record<string, string> = {
  read: 'access',
  write: 'modify',
  create: 'create',
  unlink: 'delete',
};

/** `ir.model.access.check` failing: Odoo 17's message for a denied operation. */
export function checkAccess(env: MethodEnv, info: ModelInfo, mode: 'read' | 'write' | 'create' | 'unlink'): void {
  if (!env.denied.has(info.name)) return;
  throw accessError(
    `You are not allowed to ${MODES[mode]} '${info.def.description}' (${info.name}) records.\n\n` +
      `This operation is allowed for the following groups:\n\t- ${groupFor(info.name)}\n\n` +
      'Contact your administrator to request access if necessary.',
  );
}

function groupFor(model: string): string {
  const prefix = model.split('.')[0]!;
  const groups: Record<string, string> = {
    pos: 'Point of Sale/User', stock: 'Inventory/User', sale: 'Sales/User: Own Documents Only',
    purchase: 'Purchase/User', hr: 'Employees/Officer: Manage all employees', loyalty: 'Sales/Administrator',
  };
  return groups[prefix] ?? 'Administration/Settings';
}

/** Field names for read: all fields when none are given, else each checked (`_determine_fields_to_fetch`). */
function fieldNames(info: ModelInfo, fields: unknown): string[] {
  if (!Array.isArray(fields) || fields.length === 0) return Object.keys(info.fields).filter((f) => f !== 'id');
  for (const name of fields) {
    if (typeof name !== 'string' || !info.fields[name]) throw invalidField(String(name), info.name);
  }
  return fields as string[];
}

function searchParams(call: Call, b: Record<string, unknown>): SearchParams {
  return {
    domain: compileDomain(call.env.store, call.info, b.domain, call.activeTest, call.env.version),
    order: compileOrder(call.env.store, call.info, b.order, call.env.version),
    offset: typeof b.offset === 'number' ? b.offset : 0,
    limit: typeof b.limit === 'number' && b.limit > 0 ? b.limit : Infinity,
  };
}

function writeContext(call: Call): WriteContext {
  return { store: call.env.store, stamp: call.env.stamp };
}

const SIGNATURES = {
  search: { name: 'search', params: ['domain', 'offset', 'limit', 'order'], required: 1, defaults: { offset: 0, limit: null, order: null } },
  search_read: { name: 'search_read', params: ['domain', 'fields', 'offset', 'limit', 'order'], required: 0, varKw: true },
  search_count: { name: 'search_count', params: ['domain', 'limit'], required: 1 },
  read: { name: 'read', params: ['fields', 'load'], required: 0, defaults: { load: '_classic_read' } },
  fields_get: { name: 'fields_get', params: ['allfields', 'attributes'], required: 0 },
  create: { name: 'create', params: ['vals_list'], required: 1 },
  write: { name: 'write', params: ['vals'], required: 1 },
  unlink: { name: 'unlink', params: [], required: 0 },
  check_access_rights: { name: 'check_access_rights', params: ['operation', 'raise_exception'], required: 1, defaults: { raise_exception: true } },
} satisfies Record<string, Signature>;

const BASE_METHODS: Record<string, Method> = {
  search(call) {
    const b = bindArgs(SIGNATURES.search, call.args, call.kwargs);
    checkAccess(call.env, call.info, 'read');
    return searchIds(call.env.store, call.info, searchParams(call, b));
  },
  search_read(call) {
    const b = bindArgs(SIGNATURES.search_read, call.args, call.kwargs);
    const { domain: _d, fields: _f, offset: _o, limit: _l, order: _r, load = '_classic_read', ...extra } = b;
    const unexpected = Object.keys(extra)[0];
    if (unexpected) throw pythonError('TypeError', `BaseModel._read_format() got an unexpected keyword argument '${unexpected}'`);
    const names = fieldNames(call.info, b.fields);
    checkAccess(call.env, call.info, 'read');
    const ids = searchIds(call.env.store, call.info, searchParams(call, b));
    call.env.computeFailures.check(call.info.name, ids, names);
    // search_read drops active_test from the context before reading, so x2many values filter archived records
    const opts = { classic: load === '_classic_read', x2manyActiveTest: true };
    return ids.map((id) => readRecord(call.env.store, call.info, call.env.store.get(call.info.name, id)!, names, opts));
  },
  search_count(call) {
    const b = bindArgs(SIGNATURES.search_count, call.args, call.kwargs);
    checkAccess(call.env, call.info, 'read');
    const domain = compileDomain(call.env.store, call.info, b.domain, call.activeTest, call.env.version);
    const cap = typeof b.limit === 'number' && b.limit > 0 ? b.limit : Infinity;
    let count = 0;
    for (const rec of call.env.store.scan(call.info.name, domain.lo, domain.hi)) {
      if (domain.test(rec) && ++count >= cap) break;
    }
    return count;
  },
  read(call) {
    const { ids, rest } = splitIds(call.args);
    const b = bindArgs(SIGNATURES.read, rest, call.kwargs);
    const names = fieldNames(call.info, b.fields);
    checkAccess(call.env, call.info, 'read');
    const opts = { classic: b.load === '_classic_read', x2manyActiveTest: call.activeTest };
    call.env.computeFailures.check(call.info.name, ids as number[], names);
    const out: Record<string, unknown>[] = [];
    for (const id of ids) {
      const rec = call.env.store.get(call.info.name, id);
      if (rec) out.push(readRecord(call.env.store, call.info, rec, names, opts));
      // Odoo 17 `_read_format` drops records that raise MissingError; reading only 'id' raises none
      else if (names.every((n) => n === 'id')) out.push({ id });
    }
    return out;
  },
  fields_get(call) {
    const b = bindArgs(SIGNATURES.fields_get, call.args, call.kwargs);
    return fieldsGet(call.env.store, call.info, call.env.version, b.allfields, b.attributes);
  },
  create(call) {
    const b = bindArgs(SIGNATURES.create, call.args, call.kwargs);
    checkAccess(call.env, call.info, 'create');
    const single = !Array.isArray(b.vals_list);
    const ids = createRecords(writeContext(call), call.info, single ? [b.vals_list] : (b.vals_list as unknown[]));
    return single ? ids[0] : ids;
  },
  write(call) {
    const { ids, rest } = splitIds(call.args);
    const b = bindArgs(SIGNATURES.write, rest, call.kwargs);
    checkAccess(call.env, call.info, 'write');
    writeRecords(writeContext(call), call.info, ids, b.vals);
    return true;
  },
  unlink(call) {
    const { ids, rest } = splitIds(call.args);
    bindArgs(SIGNATURES.unlink, rest, call.kwargs);
    checkAccess(call.env, call.info, 'unlink');
    unlinkRecords(writeContext(call), call.info, ids);
    return true;
  },
  name_search(call) {
    // Odoo 17 names the domain `args`; 18 renamed it `domain`
    const domainParam = call.env.version >= 18 ? 'domain' : 'args';
    const sig: Signature = {
      name: 'name_search', params: ['name', domainParam, 'operator', 'limit'], required: 0,
      defaults: { name: '', operator: 'ilike', limit: 100 },
    };
    const b = bindArgs(sig, call.args, call.kwargs);
    checkAccess(call.env, call.info, 'read');
    const matches = nameSearch(call.env.store, call.info, b.name, String(b.operator));
    const ids = searchIds(call.env.store, call.info, {
      domain: compileDomain(call.env.store, call.info, b[domainParam] ?? [], call.activeTest, call.env.version),
      order: compileOrder(call.env.store, call.info, null, call.env.version),
      offset: 0,
      limit: typeof b.limit === 'number' && b.limit > 0 ? b.limit : Infinity,
      filter: (id) => matches.has(id),
    });
    return ids.map((id) => [id, call.env.store.displayName(call.info.name, id)]);
  },
  read_group(call) {
    const { env, info, activeTest, context } = call;
    const checkRead = () => checkAccess(env, info, 'read');
    return readGroup({ store: env.store, info, version: env.version, activeTest, context, checkRead }, call.args, call.kwargs);
  },
};

/** check_access_rights(operation, raise_exception=True): deprecated in 18, gone in 19 (`check_access`/`has_access`). */
const CHECK_ACCESS_RIGHTS: Method = (call) => {
  const b = bindArgs(SIGNATURES.check_access_rights, call.args, call.kwargs);
  const mode = b.operation;
  if (mode !== 'read' && mode !== 'write' && mode !== 'create' && mode !== 'unlink') throw valueError('Invalid access mode');
  if (!b.raise_exception) return !call.env.denied.has(call.info.name);
  checkAccess(call.env, call.info, mode);
  return true;
};

const METHODS_BEFORE_19: Record<string, Method> = { ...BASE_METHODS, check_access_rights: CHECK_ACCESS_RIGHTS };

function methodsFor(version: number): Record<string, Method> {
  return version >= 19 ? BASE_METHODS : METHODS_BEFORE_19;
}
