import { formatTimestamp, type Clock } from './clock.ts';
import type { ComputeFailures } from './compute-failures.ts';
import type { CallTarget } from './fault-injection.ts';
import { accessDenied, pythonError, typeError } from './faults.ts';
import { callMethod, type MethodEnv } from './methods.ts';
import type { Store } from './store.ts';

export interface SimUser {
  readonly uid: number;
  readonly login: string;
  readonly password: string;
  readonly apiKey?: string;
}

/** One execute_kw (or execute) call as the client sent it. */
export interface CallRecord {
  readonly model: string;
  readonly method: string;
  readonly args: unknown[];
  readonly kwargs: Record<string, unknown>;
}

export interface RpcEnv {
  readonly db: string;
  readonly version: number;
  readonly users: readonly SimUser[];
  readonly store: Store;
  readonly clock: Clock;
  readonly denied: ReadonlySet<string>;
  readonly computeFailures: ComputeFailures;
}

/** `version()` of the common service (odoo/release.py + RPC_VERSION_1). */
export function versionInfo(version: number): Record<string, unknown> {
  const serie = `${version}.0`;
  return { server_version: serie, server_version_info: [version, 0, 0, 'final', 0, ''], server_serie: serie, protocol_version: 1 };
}

/**
 * What a `/xmlrpc/2` or `/jsonrpc` call is about, for injected faults, and
 * the execute_kw/execute call it carries, for `Simulator.calls`; neither for
 * a service faults cannot target.
 */
export function describeRpc(service: string, method: string, params: readonly unknown[]): { target?: CallTarget; call?: CallRecord } {
  if (service === 'common') return { target: { service, method } };
  if (service !== 'object' || (method !== 'execute_kw' && method !== 'execute')) return {};
  const model = String(params[3]);
  const name = String(params[4]);
  const isKw = method === 'execute_kw';
  const call = {
    model,
    method: name,
    args: ((isKw ? params[5] : params.slice(5)) ?? []) as unknown[],
    kwargs: ((isKw ? params[6] : undefined) ?? {}) as Record<string, unknown>,
  };
  return { target: { service, model, method: name }, call };
}

/** The environment of one ORM call by `uid`, its writes stamped with the clock's now. */
export function methodEnv(env: RpcEnv, uid: number): MethodEnv {
  const stamp = { date: formatTimestamp(env.clock.now()), uid };
  return { store: env.store, version: env.version, denied: env.denied, computeFailures: env.computeFailures, stamp };
}

/**
 * Odoo's `dispatch_rpc(service, method, params)` for the services an
 * external client uses: common (version, login, authenticate), object
 * (execute_kw, execute) and db (list, server_version).
 */
export function dispatchRpc(env: RpcEnv, service: string, method: string, params: readonly unknown[]): unknown {
  switch (service) {
    case 'common':
      return common(env, method, params);
    case 'object':
      return object(env, method, params);
    case 'db':
      if (method === 'list') return [env.db];
      if (method === 'server_version') return `${env.version}.0`;
      throw pythonError('KeyError', `'${method}'`);
    default:
      throw pythonError('KeyError', `'${service}'`);
  }
}

function common(env: RpcEnv, method: string, params: readonly unknown[]): unknown {
  switch (method) {
    case 'version':
      return versionInfo(env.version);
    case 'login':
      arity('exp_login', ['db', 'login', 'password'], params);
      return authenticate(env, params[0], params[1], params[2]);
    case 'authenticate':
      arity('exp_authenticate', ['db', 'login', 'password', 'user_agent_env'], params);
      return authenticate(env, params[0], params[1], params[2]);
    default:
      throw pythonError('Exception', `Method not found: ${method}`);
  }
}

/** A uid, or false: Odoo answers a bad login with False, not a fault. API keys count as passwords for RPC. */
function authenticate(env: RpcEnv, db: unknown, login: unknown, secret: unknown): number | false {
  checkDatabase(env, db);
  const user = env.users.find((u) => u.login === login);
  return user && secret && (secret === user.password || secret === user.apiKey) ? user.uid : false;
}

function object(env: RpcEnv, method: string, params: readonly unknown[]): unknown {
  if (params.length < 3) throw pythonError('IndexError', 'tuple index out of range');
  const [db, rawUid, secret, model, name, args, kwargs] = params;
  const uid = toUid(rawUid);
  // security.check(db, uid, passwd): the registry is opened first, then res.users.check
  checkDatabase(env, db);
  const user = env.users.find((u) => u.uid === uid);
  if (!user || !secret || (secret !== user.password && secret !== user.apiKey)) throw accessDenied();
  if (method !== 'execute_kw' && method !== 'execute') throw pythonError('NameError', `Method not available ${method}`);
  if (typeof model !== 'string' || typeof name !== 'string') {
    throw typeError(`${method}() missing required positional arguments: 'obj' and 'method'`);
  }
  if (method === 'execute') return callMethod(methodEnv(env, uid), model, name, params.slice(5), {});
  if (!Array.isArray(args)) throw typeError(`execute_kw() missing 1 required positional argument: 'args'`);
  return callMethod(methodEnv(env, uid), model, name, args, kwargs ?? {});
}

/** Python's `int(uid)`. */
function toUid(raw: unknown): number {
  if (typeof raw === 'number') return Math.trunc(raw);
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (typeof raw === 'string' && /^\s*[-+]?\d+\s*$/.test(raw)) return Number(raw);
  throw pythonError('ValueError', `invalid literal for int() with base 10: '${String(raw)}'`);
}

/** Opening an unknown database fails in psycopg2, surfacing as fault 1 with its traceback. */
function checkDatabase(env: RpcEnv, db: unknown): void {
  if (db === env.db) return;
  throw pythonError(
    'psycopg2.OperationalError',
    `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${String(db)}" does not exist\n`,
  );
}

function arity(fn: string, names: readonly string[], params: readonly unknown[]): void {
  if (params.length > names.length) {
    throw typeError(`${fn}() takes ${names.length} positional arguments but ${params.length} were given`);
  }
  const missing = names.slice(params.length);
  if (missing.length) {
    const list = missing.map((m) => `'${m}'`);
    const text = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
    throw typeError(`${fn}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${text}`);
  }
}
