/**
 * Odoo 19's External JSON-2 API: `POST /json/2/<model>/<method>` with
 * `Authorization: bearer <api key>`, `X-Odoo-Database`, and the method's
 * arguments by name in a JSON body (`json2-args.ts`). Errors come as HTTP
 * statuses with `serialize_exception(e)` as the body (odoo/http.py
 * Json2Dispatcher): 401 bad or expired key, 403 AccessError/AccessDenied,
 * 404 unknown model or method (and MissingError), 422 UserError or arguments
 * that do not bind, 500 anything else (not retried: Odoo raised it; a 500
 * whose body is not Odoo's JSON comes from elsewhere and is transient).
 * There is no authenticate call: the key is the session. `authenticate`
 * asks `res.users/context_get`, whose answer carries the key's uid on 19,
 * and falls back to searching the login.
 */
import { OdooAccessDeniedError, OdooAccessError, OdooProtocolError, OdooServerError, OdooUnknownModelError, OdooUserError, type OdooError } from './errors.ts';
import { errorDataToError, redact } from './faults.ts';
import { HttpEndpoint, isRecord, parseJsonBody, statusError, toJson, type HttpAnswer, type HttpOptions } from './http.ts';
import { namedArguments } from './json2-args.ts';
import { serverVersion, type Credentials, type ServerVersion, type Transport } from './transport.ts';

/** Statuses whose JSON body says what Odoo raised; the others are mapped by `http.ts`. */
const ODOO_STATUSES: ReadonlySet<number> = new Set([200, 400, 401, 403, 404, 422, 500]);
const UNKNOWN_MODEL = /^the model '([^']+)' does not exist$/;

export class Json2Transport implements Transport {
  readonly name = 'json2' as const;
  readonly #http: HttpEndpoint;

  constructor(url: string, options: HttpOptions = {}) {
    this.#http = new HttpEndpoint(url, options);
  }

  serverClock(): Date | null {
    return this.#http.serverClock();
  }

  /** `GET /web/version` (served by Odoo 16 and later, no authentication). */
  async version(): Promise<ServerVersion> {
    return fetchWebVersion(this.#http);
  }

  async authenticate(creds: Credentials): Promise<number | false> {
    let context: unknown;
    try {
      context = await this.#call(creds, 'res.users', 'context_get', {});
    } catch (error) {
      if (error instanceof OdooAccessDeniedError) return false;
      throw error;
    }
    if (isRecord(context) && typeof context.uid === 'number' && Number.isInteger(context.uid) && context.uid > 0) return context.uid;
    const ids = await this.#call(creds, 'res.users', 'search', { domain: [['login', '=', creds.login]], limit: 1 });
    return Array.isArray(ids) && typeof ids[0] === 'number' ? ids[0] : false;
  }

  async executeKw(
    creds: Credentials,
    _uid: number,
    model: string,
    method: string,
    args: readonly unknown[],
    kwargs: Readonly<Record<string, unknown>>,
  ): Promise<unknown> {
    return this.#call(creds, model, method, namedArguments(model, method, args, kwargs));
  }

  async #call(creds: Credentials, model: string, method: string, body: Record<string, unknown>): Promise<unknown> {
    const path = `/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`;
    const answer = await this.#http.send(path, {
      headers: {
        authorization: `bearer ${creds.secret}`,
        'x-odoo-database': creds.db,
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json',
      },
      body: toJson(body),
      accept: ODOO_STATUSES,
    });
    const parsed = parseJsonBody(answer.body);
    if (answer.status === 200) {
      if (parsed === undefined && answer.body.length > 0) {
        throw new OdooProtocolError(`Odoo answered ${path} with a body that is not JSON: is ODOO_URL the Odoo server's root URL?`);
      }
      return parsed ?? null;
    }
    throw json2Error(answer, parsed, path, creds.secret);
  }
}

/** `GET /web/version`: `{"version_info": [19, 0, 0, "final", 0, ""], "version": "19.0"}`. */
export async function fetchWebVersion(http: HttpEndpoint): Promise<ServerVersion> {
  const { body } = await http.send('/web/version', { method: 'GET', headers: { accept: 'application/json' } });
  const answer = parseJsonBody(body);
  if (!isRecord(answer) || typeof answer.version !== 'string') {
    throw new OdooProtocolError(`Odoo answered /web/version without a version: is ODOO_URL the Odoo server's root URL?`);
  }
  return serverVersion(answer.version, answer.version_info);
}

function json2Error(answer: HttpAnswer, parsed: unknown, path: string, secret: string): OdooError {
  const label = answer.statusText ? `${answer.status} ${answer.statusText}` : String(answer.status);
  if (!isRecord(parsed)) {
    // Not Odoo's JSON: a crashed worker or a proxy (transient, like on the other transports), or a server without JSON-2 (before 19).
    if (answer.status >= 500) return statusError(answer.status, answer.statusText, answer.headers, path);
    const hint = answer.status === 404
      ? 'this server has no JSON-2 API (Odoo 19 or later): set ODOO_TRANSPORT=jsonrpc or xmlrpc'
      : "is ODOO_URL the Odoo server's root URL?";
    return new OdooProtocolError(`Odoo answered HTTP ${label} on ${path}: ${hint}`);
  }
  const message = redact(typeof parsed.message === 'string' ? parsed.message : '', secret).trim();
  const name = typeof parsed.name === 'string' ? parsed.name : '';
  switch (answer.status) {
    case 401:
      return new OdooAccessDeniedError(`Odoo rejected the API key (HTTP 401${message ? `: ${message}` : ''}): check ODOO_API_KEY, it may have expired`);
    case 403:
      if (name === 'odoo.exceptions.AccessDenied') return new OdooAccessDeniedError(message || 'Access Denied');
      return new OdooAccessError(message || 'Odoo refused access to these records');
    case 404: {
      const model = UNKNOWN_MODEL.exec(message)?.[1];
      if (model !== undefined) return new OdooUnknownModelError(`Object ${model} doesn't exist`, model);
      if (name.startsWith('odoo.exceptions.')) return errorDataToError(parsed, { secret });
      return new OdooUserError(message || `Odoo answered HTTP ${label} on ${path}`);
    }
    case 422:
      if (name.startsWith('odoo.exceptions.')) return errorDataToError(parsed, { secret });
      return new OdooUserError(message || `Odoo refused the arguments of ${path} (HTTP 422)`);
    case 500:
      return errorDataToError(parsed, { secret });
    default:
      return new OdooServerError(`Odoo answered HTTP ${label} on ${path}${message ? `: ${message}` : ''}`, redact(String(parsed.debug ?? ''), secret));
  }
}
