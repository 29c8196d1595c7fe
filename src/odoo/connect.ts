/**
 * `connect()`: the one call a script makes to get a logged-in client. It
 * checks its options (one line naming each problem, never a secret's value),
 * picks the transport as `elt` does (`auto`: JSON-2 on Odoo 19+ with an API
 * key, else JSON-RPC, else XML-RPC), and logs in with the same retries.
 */
import { z } from 'zod';
import { chooseTransport } from './choose-transport.ts';
import { OdooClient } from './client.ts';
import { ConnectionOptionsError } from './errors.ts';
import { DEFAULT_RETRY, type RetryLogger } from './retry.ts';
import type { TransportName } from './transport.ts';

export interface ConnectionOptions {
  /** The server's root URL, e.g. `https://acme.odoo.com`. */
  readonly url: string;
  /** The database name. */
  readonly db: string;
  /** The login of the user to read as. */
  readonly login: string;
  /** The user's password; or give `apiKey`. */
  readonly password?: string;
  /** An API key of the user (Preferences > Account Security); wins over `password`, and JSON-2 takes nothing else. */
  readonly apiKey?: string;
  /** Default `'auto'`. */
  readonly transport?: TransportName | 'auto';
  /** Seconds before a call times out; default 120. */
  readonly timeoutSeconds?: number;
  /** Retries of a call that failed transiently (timeouts, resets, 429/5xx); default 5. */
  readonly retries?: number;
  /** Do not verify the server's TLS certificate. Default false; never in production. */
  readonly insecureTls?: boolean;
  /**
   * Stops the client for good: the login or call in flight, and every later
   * one, rejects with the signal's reason, and no retry follows.
   */
  readonly signal?: AbortSignal;
  /** Where the transport choice (info) and retries (warn) are told; default nowhere. */
  readonly logger?: ConnectLogger;
}

export interface ConnectLogger extends RetryLogger {
  info(obj: object, msg: string): void;
}

export { ConnectionOptionsError } from './errors.ts';

const options = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://odoo.example.com' }),
  db: z.string({ error: 'must be the database name' }).trim().min(1, 'must be the database name'),
  login: z.string({ error: "must be the user's login" }).trim().min(1, "must be the user's login"),
  password: z.string({ error: 'must be a string' }).min(1, 'must not be empty').optional(),
  apiKey: z.string({ error: 'must be a string' }).min(1, 'must not be empty').optional(),
  transport: z.enum(['auto', 'xmlrpc', 'jsonrpc', 'json2'], { error: 'must be auto, xmlrpc, jsonrpc or json2' }).default('auto'),
  timeoutSeconds: z.number({ error: 'must be a number of seconds' }).positive('must be a positive number of seconds').default(120),
  retries: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').max(20, 'must be at most 20').default(DEFAULT_RETRY.retries),
  insecureTls: z.boolean({ error: 'must be true or false' }).default(false),
  signal: z.instanceof(AbortSignal, { error: 'must be an AbortSignal' }).optional(),
});

const quiet: ConnectLogger = { info() {}, warn() {} };

/**
 * Logs in and returns the client. Throws ConnectionOptionsError for bad
 * options, OdooLoginError when Odoo refuses the login, and the other
 * OdooErrors (transient ones after the retries) when the server cannot be
 * reached or answers oddly.
 */
export function connect(connection: ConnectionOptions): Promise<OdooClient> {
  return connectAs(connection, "connect()'s transport option");
}

/** `connect`, naming what chose an explicit transport in its log line (elt: ODOO_TRANSPORT). */
export async function connectAs(connection: ConnectionOptions, chosenBy: string): Promise<OdooClient> {
  const parsed = options.safeParse(connection);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'} ${issue.message}`);
  if (parsed.success && parsed.data.password === undefined && parsed.data.apiKey === undefined) problems.push('password or apiKey is required');
  if (!parsed.success || problems.length) throw new ConnectionOptionsError(`connect(): ${problems.join('; ')}`);
  const o = parsed.data;
  const url = o.url.replace(/\/+$/, '');
  const secret = (o.apiKey ?? o.password)!;
  const log = connection.logger ?? quiet;
  const retry = { retries: o.retries, signal: o.signal };
  const transport = await chooseTransport(
    { url, db: o.db, login: o.login, secret, hasApiKey: o.apiKey !== undefined, timeoutMs: o.timeoutSeconds * 1000, insecureTls: o.insecureTls, transport: o.transport, retry, chosenBy, signal: o.signal },
    log,
  );
  return OdooClient.connect({ transport, credentials: { url, db: o.db, login: o.login, secret }, retry, logger: log });
}
