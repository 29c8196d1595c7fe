import { afterEach, describe, it, expect } from 'vitest';
import { OdooClient } from '../../src/odoo/client.ts';
import {
  OdooAccessDeniedError,
  OdooAccessError,
  OdooLoginError,
  OdooProtocolError,
  OdooServerError,
  OdooTransientError,
  OdooUnknownModelError,
  OdooUserError,
} from '../../src/odoo/errors.ts';
import { JsonRpcTransport } from '../../src/odoo/jsonrpc-transport.ts';
import type { Credentials } from '../../src/odoo/transport.ts';
import { startFakeJson, type FakeJsonServer, type JsonHandler } from './fake-json-server.ts';
import { failure as failureOf } from './failure.ts';

const SECRET = 'sk-very-secret-api-key-4242';
const failure = (promise: Promise<unknown>) => failureOf(promise, SECRET);
let server: FakeJsonServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handler: JsonHandler): Promise<{ transport: JsonRpcTransport; creds: Credentials }> {
  server = await startFakeJson(handler);
  return {
    transport: new JsonRpcTransport(server.url, { timeoutMs: 2000 }),
    creds: { url: server.url, db: 'shop', login: 'etl@example.com', secret: SECRET },
  };
}

function result(value: unknown) {
  return (call: { body: unknown }) => ({ json: { jsonrpc: '2.0', id: (call.body as { id: number }).id, result: value } });
}

/** An Odoo 17 JSON-RPC error: HTTP 200, serialize_exception(e) in data. */
function odooError(name: string, message: string, debug = `Traceback (most recent call last):\n${name}: ${message}\n`) {
  return { json: { jsonrpc: '2.0', id: 1, error: { code: 200, message: 'Odoo Server Error', data: { name, debug, message, arguments: [message], context: {} } } } };
}

describe('JsonRpcTransport calls', () => {
  it('version() posts common.version on /jsonrpc', async () => {
    const { transport } = await start(result({ server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], protocol_version: 1 }));
    expect(await transport.version()).toEqual({ serverVersion: '17.0', serverVersionInfo: [17, 0, 0, 'final', 0, ''] });
    expect(server!.calls[0]).toMatchObject({
      method: 'POST',
      path: '/jsonrpc',
      body: { jsonrpc: '2.0', method: 'call', params: { service: 'common', method: 'version', args: [] }, id: 1 },
    });
    expect(server!.calls[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('authenticate() sends (db, login, secret, {}) and returns the uid or false', async () => {
    const { transport, creds } = await start((call, index) => result(index === 0 ? 7 : false)(call));
    expect(await transport.authenticate(creds)).toBe(7);
    expect(await transport.authenticate(creds)).toBe(false);
    expect(server!.calls[0]!.body).toMatchObject({ params: { service: 'common', method: 'authenticate', args: ['shop', 'etl@example.com', SECRET, {}] } });
    expect((server!.calls[1]!.body as { id: number }).id).toBe(2);
  });

  it('executeKw() sends object.execute_kw with args and kwargs and returns the result', async () => {
    const rows = [{ id: 1, name: 'A', partner_id: [3, 'B'], email: false, amount: 12.5 }];
    const { transport, creds } = await start(result(rows));
    const value = await transport.executeKw(creds, 7, 'res.partner', 'search_read', [[['id', '>', 0]]], { fields: ['name'], limit: 2 });
    expect(value).toEqual(rows);
    expect(server!.calls[0]!.body).toMatchObject({
      params: { service: 'object', method: 'execute_kw', args: ['shop', 7, SECRET, 'res.partner', 'search_read', [[['id', '>', 0]]], { fields: ['name'], limit: 2 }] },
    });
  });

  it('a client over JSON-RPC turns a false authenticate into OdooLoginError', async () => {
    server = await startFakeJson(result(false));
    const error = await failure(
      OdooClient.connect({ transport: new JsonRpcTransport(server.url), credentials: { url: server.url, db: 'shop', login: 'etl', secret: SECRET } }),
    );
    expect(error).toBeInstanceOf(OdooLoginError);
  });
});

describe('JsonRpcTransport errors', () => {
  it('maps serialize_exception names to the typed errors', async () => {
    const replies = [
      odooError('odoo.exceptions.AccessDenied', 'Access Denied'),
      odooError('odoo.exceptions.AccessError', "You are not allowed to access 'Point of Sale Orders' (pos.order) records."),
      odooError('odoo.exceptions.UserError', "Object pos.promotion doesn't exist"),
      odooError('odoo.exceptions.ValidationError', 'The operation cannot be completed.'),
      odooError('builtins.ValueError', "Invalid field 'x' on model 'res.partner'"),
    ];
    const { transport, creds } = await start((_call, index) => replies[index]!);
    const call = () => transport.executeKw(creds, 1, 'res.partner', 'search', [[]], {});
    const denied = await failure(call());
    expect(denied).toBeInstanceOf(OdooAccessDeniedError);
    expect(denied.message).toBe('Access Denied');
    const access = await failure(call());
    expect(access).toBeInstanceOf(OdooAccessError);
    expect(access.message).toBe("You are not allowed to access 'Point of Sale Orders' (pos.order) records.");
    const unknown = await failure(call());
    expect(unknown).toBeInstanceOf(OdooUnknownModelError);
    expect((unknown as OdooUnknownModelError).model).toBe('pos.promotion');
    expect(unknown.message).toBe("Object pos.promotion doesn't exist");
    const user = await failure(call());
    expect(user).toBeInstanceOf(OdooUserError);
    expect(user).not.toBeInstanceOf(OdooUnknownModelError);
    expect(user.message).toBe('The operation cannot be completed.');
    const server500 = await failure(call());
    expect(server500).toBeInstanceOf(OdooServerError);
    // The same text as the last line of the XML-RPC fault's traceback
    expect(server500.message).toBe("ValueError: Invalid field 'x' on model 'res.partner'");
    expect((server500 as OdooServerError).traceback).toBe("Traceback (most recent call last):\nbuiltins.ValueError: Invalid field 'x' on model 'res.partner'\n");
  });

  it('an error that echoes the secret has it blanked out', async () => {
    const { transport, creds } = await start(() => odooError('builtins.ValueError', `bad key ${SECRET}`, `Traceback\nValueError: bad key ${SECRET}`));
    const error = await failure(transport.executeKw(creds, 1, 'res.partner', 'search', [[]], {}));
    expect(error.message).toBe('ValueError: bad key ***');
    expect((error as OdooServerError).traceback).toBe('Traceback\nValueError: bad key ***');
  });

  it('a 404 error inside JSON-RPC says the server does not serve it', async () => {
    const { transport } = await start(() => ({
      json: { jsonrpc: '2.0', id: 1, error: { code: 404, message: '404: Not Found', data: { name: 'werkzeug.exceptions.NotFound', message: '404 Not Found', debug: '' } } },
    }));
    const error = await failure(transport.version());
    expect(error).toBeInstanceOf(OdooProtocolError);
    expect(error.message).toBe('Odoo answered 404 Not Found on /jsonrpc: this server does not serve JSON-RPC; set ODOO_TRANSPORT=xmlrpc or json2');
  });

  it('a 200 body that is not JSON-RPC is a protocol error', async () => {
    const { transport } = await start(() => ({ raw: '<html><title>Odoo</title></html>' }));
    const error = await failure(transport.version());
    expect(error).toBeInstanceOf(OdooProtocolError);
    expect(error.message).toBe("Odoo answered version() on /jsonrpc with a body that is not JSON-RPC: is ODOO_URL the Odoo server's root URL?");
  });

  it('HTTP 503 is transient with Retry-After; 404 is a protocol error', async () => {
    const replies = [{ raw: 'busy', status: 503, headers: { 'retry-after': '3' } }, { raw: 'nope', status: 404 }];
    const { transport, creds } = await start((_call, index) => replies[index]!);
    const busy = await failure(transport.executeKw(creds, 1, 'res.partner', 'search', [[]], {}));
    expect(busy).toBeInstanceOf(OdooTransientError);
    expect(busy.message).toBe('Odoo answered HTTP 503 Service Unavailable on /jsonrpc (Retry-After: 3 s)');
    expect((busy as OdooTransientError).retryAfter).toBe(3);
    const missing = await failure(transport.executeKw(creds, 1, 'res.partner', 'search', [[]], {}));
    expect(missing).toBeInstanceOf(OdooProtocolError);
    expect(missing.message).toBe("Odoo answered HTTP 404 Not Found on /jsonrpc: is ODOO_URL the Odoo server's root URL?");
  });

  it('a dropped connection and a stall are transient', async () => {
    const { transport } = await start(() => ({ destroy: true }));
    const dropped = await failure(transport.version());
    expect(dropped).toBeInstanceOf(OdooTransientError);
    expect(dropped.message).toMatch(/^lost the connection to Odoo on \/jsonrpc of 127\.0\.0\.1:\d+ \(UND_ERR_SOCKET: other side closed\)$/);
    await server!.close();
    server = await startFakeJson(() => ({ stall: true }));
    const stalled = await failure(new JsonRpcTransport(server.url, { timeoutMs: 150 }).version());
    expect(stalled).toBeInstanceOf(OdooTransientError);
    expect(stalled.message).toMatch(/^Odoo did not answer within 150 ms on \/jsonrpc of 127\.0\.0\.1:\d+$/);
  });

  it('the client retries a transient failure and then succeeds', async () => {
    server = await startFakeJson((call, index) => (index === 0 ? { raw: 'busy', status: 502 } : result(5)(call)));
    const client = await OdooClient.connect({
      transport: new JsonRpcTransport(server.url),
      credentials: { url: server.url, db: 'shop', login: 'etl', secret: SECRET },
      retry: { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 2 },
    });
    expect(client.uid).toBe(5);
    expect(server.calls).toHaveLength(2);
  });
});
