/**
 * The HTTP side every transport shares: Node's global fetch (undici keeps
 * connections alive), a whole-request timeout, Basic auth taken out of the
 * URL, TLS verified unless the caller explicitly turns it off, and one
 * mapping of HTTP and network failures to the typed errors of `errors.ts`.
 * Never retries; never puts a request body or a secret into an error.
 */
import { Agent } from 'undici';
import { OdooError, OdooProtocolError, OdooTlsError, OdooTransientError } from './errors.ts';

export const DEFAULT_TIMEOUT_MS = 120_000;
/**
 * Overloaded or restarting server, a proxy in front of a busy or dead worker:
 * try again. 500 too: Odoo's RPC routes answer their own errors with 200 (a
 * fault), so a 500 comes from Werkzeug failing outside the route or from a
 * proxy. JSON-2's own 500, with Odoo's JSON error body, is read by its transport.
 */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Network error codes that a retry will not cure: a wrong host, a TLS setup problem. */
const PERMANENT_NETWORK_CODES = new Set(['ENOTFOUND', 'ERR_INVALID_URL', 'ERR_SSL_WRONG_VERSION_NUMBER']);
/** OpenSSL's verification failures: the certificate is not trusted, expired or for another host. */
const EXPIRED_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'CERT_REJECTED',
  'INVALID_CA',
]);

export interface HttpOptions {
  /** Whole-request timeout, body included. Default 120 s. */
  readonly timeoutMs?: number;
  /** Do not verify the server's TLS certificate (ODOO_TLS_INSECURE). Default false. */
  readonly insecureTls?: boolean;
  /** Aborts every request, in flight or to come: each rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** One dispatcher for every unverified endpoint, created on first use; verified calls use fetch's own. */
let insecureAgent: Agent | undefined;
function insecureDispatcher(): Agent {
  insecureAgent ??= new Agent({ connect: { rejectUnauthorized: false } });
  return insecureAgent;
}

export interface HttpAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: Buffer;
}

export interface HttpRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Statuses handed back to the caller (default only 200); any other becomes a typed error. */
  readonly accept?: ReadonlySet<number>;
}

const OK_ONLY: ReadonlySet<number> = new Set([200]);

/** One Odoo server's root URL, validated once. */
export class HttpEndpoint {
  readonly base: string;
  readonly host: string;
  readonly timeoutMs: number;
  readonly insecureTls: boolean;
  readonly #signal: AbortSignal | undefined;
  /** Basic auth taken out of the URL (fetch refuses URLs with credentials). */
  readonly #authorization: string | undefined;
  /** The latest `Date` an answer carried (ms), null before the first. */
  #serverDate: number | null = null;

  constructor(url: string, options: HttpOptions = {}) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new OdooProtocolError('ODOO_URL is not a valid URL: expected http(s)://host[:port]');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new OdooProtocolError(`ODOO_URL must start with http:// or https://, not ${parsed.protocol}//`);
    }
    if (parsed.username !== '' || parsed.password !== '') {
      const user = decodeURIComponent(parsed.username);
      const pass = decodeURIComponent(parsed.password);
      this.#authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
      parsed.username = '';
      parsed.password = '';
    }
    parsed.search = '';
    parsed.hash = '';
    this.base = parsed.toString().replace(/\/+$/, '');
    this.host = parsed.host;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.insecureTls = options.insecureTls === true && parsed.protocol === 'https:';
    this.#signal = options.signal;
  }

  /**
   * Odoo's clock as its web server last told it: the latest `Date` header of
   * an answer received so far (to the second, rounded down), or null when no
   * answer carried one (a proxy may drop it). Every answer it comes from was
   * written before this call, so it never runs ahead of the server's time.
   */
  serverClock(): Date | null {
    return this.#serverDate === null ? null : new Date(this.#serverDate);
  }

  #noteDate(header: string | null): void {
    const ms = header === null ? NaN : Date.parse(header);
    if (Number.isFinite(ms) && (this.#serverDate === null || ms > this.#serverDate)) this.#serverDate = ms;
  }

  /** Sends one request; answers with an accepted status come back, every other outcome throws a typed error. */
  async send(path: string, request: HttpRequest = {}): Promise<HttpAnswer> {
    return this.stream(path, request, async (response) => ({
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    }));
  }

  /**
   * Sends one request and hands an accepted answer to `read` while its body
   * still streams, so a large page is decoded as it arrives instead of being
   * held twice. An OdooError from `read` passes through; a connection lost or
   * a timeout while reading maps like one before the answer.
   */
  async stream<T>(path: string, request: HttpRequest, read: (response: Response) => Promise<T>): Promise<T> {
    const headers: Record<string, string> = { ...request.headers };
    // A bearer token (JSON-2) owns the Authorization header; proxy Basic auth then cannot ride along.
    if (this.#authorization !== undefined && headers.authorization === undefined) headers.authorization = this.#authorization;
    const accept = request.accept ?? OK_ONLY;
    this.#signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(`${this.base}${path}`, {
        method: request.method ?? 'POST',
        headers,
        body: request.body,
        redirect: 'manual',
        signal: this.#signal ? AbortSignal.any([this.#signal, timeout]) : timeout,
        ...(this.insecureTls ? { dispatcher: insecureDispatcher() } : {}),
      } as RequestInit);
      this.#noteDate(response.headers.get('date'));
      if (!accept.has(response.status)) {
        // Drain so the keep-alive connection can be reused.
        await response.arrayBuffer().catch(() => undefined);
        throw statusError(response.status, response.statusText, response.headers, path);
      }
      return await read(response);
    } catch (error) {
      // Stopped by the caller: its reason, not a timeout (which the retry loop would retry).
      if (this.#signal?.aborted) throw this.#signal.reason;
      if (error instanceof OdooError) throw error;
      throw this.#networkError(error, `${path} of ${this.host}`);
    }
  }

  #networkError(error: unknown, where: string): OdooError {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new OdooTransientError(`Odoo did not answer within ${formatSeconds(this.timeoutMs)} on ${where}`);
    }
    const { code, detail } = networkCause(error);
    const text = code === undefined ? detail : `${code}: ${detail}`;
    if (code !== undefined && (EXPIRED_CODES.has(code) || TRUST_CODES.has(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID')) {
      return new OdooTlsError(`the TLS certificate of ${this.host} failed verification (${text}): ${tlsHint(code)}`);
    }
    if (code !== undefined && (PERMANENT_NETWORK_CODES.has(code) || code.startsWith('ERR_TLS_') || code.includes('CERT'))) {
      return new OdooProtocolError(`cannot connect to Odoo on ${where} (${text}): check ODOO_URL`);
    }
    return new OdooTransientError(`lost the connection to Odoo on ${where} (${text})`);
  }
}

/** What to do about a certificate that failed verification, in one clause. */
function tlsHint(code: string): string {
  const insecure = 'or set ODOO_TLS_INSECURE=true to skip verification (insecure)';
  if (EXPIRED_CODES.has(code)) return `the server's certificate is expired or not yet valid: renew it, ${insecure}`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `the certificate does not cover this host name: use one it covers in ODOO_URL, ${insecure}`;
  return `if the server uses a private CA, point NODE_EXTRA_CA_CERTS at the CA's PEM file, ${insecure}`;
}

/** Error for an unexpected status: transient for overload statuses, a protocol error otherwise. */
export function statusError(status: number, statusText: string, headers: Headers, path: string): OdooError {
  const label = statusText ? `${status} ${statusText}` : String(status);
  if (TRANSIENT_STATUSES.has(status)) {
    const retryAfter = parseRetryAfter(headers.get('retry-after'));
    const wait = retryAfter === undefined ? '' : ` (Retry-After: ${retryAfter} s)`;
    return new OdooTransientError(`Odoo answered HTTP ${label} on ${path}${wait}`, status, retryAfter);
  }
  if (status >= 300 && status < 400) {
    const location = headers.get('location');
    const target = location === null ? '' : ` to ${stripCredentials(location)}`;
    return new OdooProtocolError(`Odoo answered HTTP ${label} on ${path} (a redirect${target}): set ODOO_URL to the URL the server redirects to`);
  }
  return new OdooProtocolError(`Odoo answered HTTP ${label} on ${path}: is ODOO_URL the Odoo server's root URL?`);
}

/** Retry-After as whole seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** JSON.parse of a body, or undefined when it is not JSON (an HTML error page, a proxy's text). */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** JSON for a request body: Buffers as base64 (what Odoo expects for binary values), undefined members dropped. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, function replacer(this: unknown, key: string, member: unknown) {
    const original = (this as Record<string, unknown>)[key];
    if (Buffer.isBuffer(original)) return original.toString('base64');
    if (typeof member === 'bigint') return Number(member);
    return member;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** fetch wraps socket errors as `TypeError('fetch failed', { cause })`; the cause has the code. */
function networkCause(error: unknown): { code: string | undefined; detail: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    const nested = Array.isArray(candidate.errors) ? (candidate.errors[0] as { code?: unknown } | undefined) : undefined;
    const code = typeof candidate.code === 'string' ? candidate.code : typeof nested?.code === 'string' ? nested.code : undefined;
    if (code !== undefined) return { code, detail: String(candidate.message ?? code) };
    if (candidate.cause === undefined) break;
    current = candidate.cause;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: undefined, detail: message };
}

/** A URL without its user and password, safe for logs and messages. */
export function stripCredentials(location: string): string {
  try {
    const url = new URL(location);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return location.slice(0, 200);
  }
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
