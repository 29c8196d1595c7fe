import { createServer } from 'node:http';
import { ComputeFailures, type ComputeFailure } from './compute-failures.ts';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createClock, formatTimestamp, type Clock } from './clock.ts';
import { FaultQueue, type ChaosOptions, type FaultSpec, type InjectedFault } from './fault-injection.ts';
import { createHandler } from './http-server.ts';
import type { CallRecord } from './rpc.ts';
import type { ModelDef, RecordValues } from './model-def.ts';
import type { ModelInfo } from './model-info.ts';
import { retailModels } from './models/catalog.ts';
import { createRecords, unlinkRecords, writeRecords, type WriteContext } from './mutations.ts';
import type { SimUser } from './rpc.ts';
import { generateRetail } from './generator.ts';
import { Store } from './store.ts';
import { IR_MODEL_FIELDS, irModelFields, reflectFields } from './models/ir-model-fields.ts';
import { beginTransaction, type SimTransaction } from './transaction.ts';

export type { ChaosOptions, FaultSpec, InjectedFault, TransportFault } from './fault-injection.ts';
export type { CallRecord } from './rpc.ts';
export type { SimTransaction } from './transaction.ts';

export interface SimulatorOptions {
  /**
   * Odoo's "now" at start: the generated ~90 days of data end at this instant
   * and the clock ticks on from it. Required, so no caller depends on the
   * machine's date by accident (tests pin it; a live run passes new Date()).
   */
  now: Date;
  /** Default '127.0.0.1'. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 'odoo'. */
  db?: string;
  /** Odoo major version: 17 (default) or 19 (server_version '19.0', 19's models and method set). */
  version?: number;
  /** Default admin/admin. uids: 2 for the first user, then 6, 7, ... */
  users?: Array<{ login: string; password: string; apiKey?: string }>;
  /** Default: the retail catalog for `version`. */
  models?: ModelDef[];
  seed?: number;
  /**
   * Size of the seeded data: 0 none, 1 (default) a small company. Data is
   * generated for the default catalog only, unless `scale` is given explicitly.
   */
  scale?: number;
  /** Added to every call, on every route. */
  latencyMs?: number;
  /** Serve HTTPS with this PEM key and certificate (e.g. a self-signed one) instead of HTTP. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** The third-party product_brand module is installed (product.brand exists and is seeded). */
  brand?: boolean;
  /** A third-party pos.promotion module is installed. */
  posPromotion?: boolean;
}

/** A running simulated Odoo, and what tests do to it. */
export interface Simulator {
  /** e.g. 'http://127.0.0.1:40123' */
  readonly url: string;
  readonly db: string;
  readonly version: number;
  readonly store: Store;
  readonly clock: Clock;
  /** Every execute_kw/execute call received, in order. */
  readonly calls: CallRecord[];
  /** Same effects as the RPC call by the first user, write_date = clock now. */
  create(model: string, values: RecordValues): number;
  write(model: string, ids: readonly number[], values: RecordValues): void;
  unlink(model: string, ids: readonly number[]): void;
  /** A transaction started at `start` (default clock now) whose changes show at commit, all with write_date = start. */
  begin(start?: Date): SimTransaction;
  /** Records of a model; activeTest (default true, as in Odoo) leaves archived ones out. */
  count(model: string, options?: { activeTest?: boolean }): number;
  injectFault(fault: FaultSpec): void;
  /** From now on a share of all calls fail at random with transport faults (seeded); undefined stops it. */
  chaos(options: ChaosOptions | undefined): void;
  /** Every fault applied so far, queued or random, in order. */
  readonly injected: readonly InjectedFault[];
  /** Calls on the model then fail with Odoo's AccessError (fault 4). */
  denyAccess(model: string): void;
  /** Reading `field` of that record then raises, as a buggy compute does (fault 1); returns the fix. */
  failCompute(failure: ComputeFailure): () => void;
  /** The model then no longer exists (fault 2 `Object x doesn't exist`). */
  removeModel(model: string): void;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const version = options.version ?? 17;
  const db = options.db ?? 'odoo';
  const host = options.host ?? '127.0.0.1';
  const clock = createClock(options.now);
  const users: SimUser[] = (options.users ?? [{ login: 'admin', password: 'admin' }]).map((u, i) => ({
    ...u,
    uid: i === 0 ? 2 : 5 + i,
  }));
  const adminUid = users[0]?.uid ?? 2;
  const nowStamp = () => ({ date: formatTimestamp(clock.now()), uid: adminUid });
  const optional = { brand: options.brand === true, posPromotion: options.posPromotion === true };
  const defs = options.models ?? retailModels({ version, ...optional });
  const store = new Store(defs.some((d) => d.name === IR_MODEL_FIELDS) ? defs : [...defs, irModelFields], nowStamp);
  reflectFields(store, { date: formatTimestamp(options.now), uid: 1 });
  const scale = options.scale ?? (options.models ? 0 : 1);
  if (scale > 0) generateRetail(store, { seed: options.seed, scale, now: options.now, version, ...optional });

  const denied = new Set<string>();
  const computeFailures = new ComputeFailures();
  const faults = new FaultQueue();
  const calls: CallRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  const env = { db, version, users, store, clock, denied, computeFailures };
  const handler = createHandler({ env, faults, calls, latencyMs: options.latencyMs ?? 0, sleep });
  const server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createServer(handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const info = (model: string): ModelInfo => {
    const found = store.info(model);
    if (!found) throw new Error(`unknown model ${model}`);
    return found;
  };
  const ctx = (): WriteContext => ({ store, stamp: nowStamp() });

  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    db,
    version,
    store,
    clock,
    calls,
    create: (model, values) => createRecords(ctx(), info(model), [values])[0]!,
    write: (model, ids, values) => writeRecords(ctx(), info(model), ids, values),
    unlink: (model, ids) => unlinkRecords(ctx(), info(model), ids),
    begin: (start) => beginTransaction(store, start ?? clock.now(), adminUid),
    count: (model, opts) => {
      const withArchived = opts?.activeTest === false || !info(model).activeName;
      return withArchived ? store.size(model) : store.search(model, [], { activeTest: true }).length;
    },
    injectFault: (fault) => faults.add(fault),
    chaos: (chaosOptions) => faults.setChaos(chaosOptions),
    injected: faults.injected,
    denyAccess: (model) => void denied.add(model),
    failCompute: (failure) => computeFailures.add(failure),
    removeModel: (model) => store.removeModel(model),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
