/**
 * XML-RPC over `/xmlrpc/2/common` and `/xmlrpc/2/object`, the endpoints every
 * Odoo version serves. HTTP goes through `http.ts`; requests are written by
 * `xmlrpc-codec.ts` (the `xmlrpc` package's serializer), answers read by
 * `xmlrpc-decoder.ts` (ours, several times faster). Failures become the typed
 * errors of `errors.ts`; this class never retries and never puts a request
 * body, the password or the API key into an error.
 */
import { OdooProtocolError } from './errors.ts';
import { faultToError } from './faults.ts';
import { HttpEndpoint, type HttpOptions, isRecord, typeName } from './http.ts';
import { serverVersion, type Credentials, type ServerVersion, type Transport } from './transport.ts';
import { encodeCall, type Decoded } from './xmlrpc-codec.ts';
import { decodeResponseStream } from './xmlrpc-decoder.ts';

const XML_HEADERS = { 'content-type': 'text/xml; charset=utf-8', accept: 'text/xml' };

export class XmlRpcTransport implements Transport {
  readonly name = 'xmlrpc' as const;
  readonly #http: HttpEndpoint;

  constructor(url: string, options: HttpOptions = {}) {
    this.#http = new HttpEndpoint(url, options);
  }

  serverClock(): Date | null {
    return this.#http.serverClock();
  }

  async version(): Promise<ServerVersion> {
    const answer = await this.#call('/xmlrpc/2/common', 'version', [], undefined);
    return commonVersion(answer, '/xmlrpc/2/common');
  }

  async authenticate(creds: Credentials): Promise<number | false> {
    const answer = await this.#call('/xmlrpc/2/common', 'authenticate', [creds.db, creds.login, creds.secret, {}], creds.secret);
    return authenticateAnswer(answer, '/xmlrpc/2/common');
  }

  executeKw(
    creds: Credentials,
    uid: number,
    model: string,
    method: string,
    args: readonly unknown[],
    kwargs: Readonly<Record<string, unknown>>,
  ): Promise<unknown> {
    const params = [creds.db, uid, creds.secret, model, method, args, kwargs];
    return this.#call('/xmlrpc/2/object', 'execute_kw', params, creds.secret);
  }

  async #call(path: string, method: string, params: readonly unknown[], secret: string | undefined): Promise<unknown> {
    const decoded = await this.#http.stream(path, { headers: XML_HEADERS, body: encodeCall(method, params) }, async (response): Promise<Decoded> => {
      try {
        return await decodeResponseStream((response.body ?? new Blob([]).stream()) as AsyncIterable<Uint8Array>);
      } catch (error) {
        if (!(error instanceof OdooProtocolError)) throw error; // a lost connection, mapped by the endpoint
        throw new OdooProtocolError(
          `Odoo answered ${method}() on ${path} with a body that is not XML-RPC (${error.message}): is ODOO_URL the Odoo server's root URL?`,
        );
      }
    });
    if (!decoded.ok) throw faultToError(decoded.fault.faultCode, decoded.fault.faultString, { secret });
    return decoded.value;
  }
}

/** The answer of common.version(), shared by the XML-RPC and JSON-RPC transports. */
export function commonVersion(answer: unknown, path: string): ServerVersion {
  if (!isRecord(answer) || typeof answer.server_version !== 'string') {
    throw new OdooProtocolError(`Odoo answered version() on ${path} without a server_version`);
  }
  return serverVersion(answer.server_version, answer.server_version_info);
}

/** The answer of common.authenticate(): a uid, or false for a rejected login. */
export function authenticateAnswer(answer: unknown, path: string): number | false {
  if (answer === false) return false;
  if (typeof answer === 'number' && Number.isInteger(answer) && answer > 0) return answer;
  throw new OdooProtocolError(`Odoo answered authenticate() on ${path} with ${typeName(answer)} instead of a user id or false`);
}
