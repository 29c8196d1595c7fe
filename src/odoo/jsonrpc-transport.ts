/**
 * JSON-RPC over `/jsonrpc` (odoo/addons/base/controllers/rpc.py, `type='json'`):
 * the same services and semantics as XML-RPC (`common.version`,
 * `common.authenticate`, `object.execute_kw`), in a body `JSON.parse` decodes
 * a hundred times faster. Odoo answers errors with HTTP 200 and
 * `error: { code, message, data: serialize_exception(e) }`.
 * Deprecated from Odoo 19 (JSON-2 replaces it) but served there still.
 */
import { OdooProtocolError } from './errors.ts';
import { errorDataToError } from './faults.ts';
import { HttpEndpoint, type HttpOptions, isRecord, parseJsonBody, toJson } from './http.ts';
import type { Credentials, ServerVersion, Transport } from './transport.ts';
import { authenticateAnswer, commonVersion } from './xmlrpc-transport.ts';

const PATH = '/jsonrpc';
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' };

export class JsonRpcTransport implements Transport {
  readonly name = 'jsonrpc' as const;
  readonly #http: HttpEndpoint;
  #nextId = 1;

  constructor(url: string, options: HttpOptions = {}) {
    this.#http = new HttpEndpoint(url, options);
  }

  serverClock(): Date | null {
    return this.#http.serverClock();
  }

  async version(): Promise<ServerVersion> {
    return commonVersion(await this.#call('common', 'version', [], undefined), `${PATH} (common)`);
  }

  async authenticate(creds: Credentials): Promise<number | false> {
    const answer = await this.#call('common', 'authenticate', [creds.db, creds.login, creds.secret, {}], creds.secret);
    return authenticateAnswer(answer, `${PATH} (common)`);
  }

  executeKw(
    creds: Credentials,
    uid: number,
    model: string,
    method: string,
    args: readonly unknown[],
    kwargs: Readonly<Record<string, unknown>>,
  ): Promise<unknown> {
    return this.#call('object', 'execute_kw', [creds.db, uid, creds.secret, model, method, args, kwargs], creds.secret);
  }

  async #call(service: string, method: string, args: readonly unknown[], secret: string | undefined): Promise<unknown> {
    const id = this.#nextId++;
    const request = { jsonrpc: '2.0', method: 'call', params: { service, method, args }, id };
    const { body } = await this.#http.send(PATH, { headers: JSON_HEADERS, body: toJson(request) });
    const answer = parseJsonBody(body);
    if (!isRecord(answer) || (!('result' in answer) && !isRecord(answer.error))) {
      throw new OdooProtocolError(
        `Odoo answered ${method}() on ${PATH} with a body that is not JSON-RPC: is ODOO_URL the Odoo server's root URL?`,
      );
    }
    if (isRecord(answer.error)) throw rpcError(answer.error, secret);
    return answer.result;
  }
}

/** A JSON-RPC error object: Odoo's exception in `data`; a bare error (no data) is a protocol failure. */
function rpcError(error: Record<string, unknown>, secret: string | undefined) {
  const data = isRecord(error.data) ? error.data : undefined;
  if (data?.name === 'werkzeug.exceptions.NotFound' || (data === undefined && error.code === 404)) {
    return new OdooProtocolError(`Odoo answered 404 Not Found on ${PATH}: this server does not serve JSON-RPC; set ODOO_TRANSPORT=xmlrpc or json2`);
  }
  if (data === undefined) {
    const text = typeof error.message === 'string' ? error.message : 'no message';
    return errorDataToError({ name: 'JsonRpcError', message: `${String(error.code ?? '')} ${text}`.trim() }, { secret });
  }
  return errorDataToError(data, { secret });
}
