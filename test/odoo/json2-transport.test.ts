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
import { Json2Transport } from '../../src/odoo/json2-transport.ts';
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

async function start(handler: JsonHandler): Promise<{ transport: Json2Transport; creds: Credentials }> {
  server = await startFakeJson(handler);
  return {
    transport: new Json2Transport(server.url, { timeoutMs: 2000 }),
    creds: { url: server.url, db: 'shop', login: 'etl@example.com', secret: SECRET },
  };
}

/** An Odoo 19 JSON-2 error body: serialize_exception(e) with the exception's status. */
function odooError(status: number, name: string, message: string) {
  return { status, json: { name, message, arguments: [message], context: {}, debug: `Traceback (most recent call last):\n${name}: ${message}\n` } };
}

describe('Json2Transport calls', () => {
  it('executeKw() posts named arguments to /json/2/<model>/<method> with the bearer key and database', async () => {
    const rows = [{ id: 4, name: 'Deco Addict', parent_id: false }];
    const { transport, creds } = await start(() => ({ json: rows }));
    const value = await transport.executeKw(creds, 2, 'res.partner', 'search_read', [[['is_company', '=', true]]], {
      fields: ['name', 'parent_id'],
      limit: 500,
      order: 'id',
      context: { active_test: false },
    });
    expect(value).toEqual(rows);
    const call = server!.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.path).toBe('/json/2/res.partner/search_read');
    expect(call.headers.authorization).toBe(`bearer ${SECRET}`);
    expect(call.headers['x-odoo-database']).toBe('shop');
    expect(call.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(call.body).toEqual({
      domain: [['is_company', '=', true]],
      fields: ['name', 'parent_id'],
      limit: 500,
      order: 'id',
      context: { active_test: false },
    });
  });

  it('record methods send their ids as `ids`', async () => {
    const { transport, creds } = await start(() => ({ json: [] }));
    await transport.executeKw(creds, 2, 'pos.order', 'read', [[1, 2]], { fields: ['name'] });
    expect(server!.calls[0]!.body).toEqual({ ids: [1, 2], fields: ['name'] });
  });

  it('a method it cannot name positional arguments for fails before any request', async () => {
    const { transport, creds } = await start(() => ({ json: true }));
    const error = await failure(transport.executeKw(creds, 2, 'pos.order', 'action_pos_order_paid', [[1]], {}));
    expect(error).toBeInstanceOf(OdooProtocolError);
    expect(error.message).toMatch(/^pos\.order\.action_pos_order_paid was called with positional arguments, which JSON-2 cannot send/);
    expect(server!.calls).toHaveLength(0);
  });

  it('version() reads GET /web/version', async () => {
    const { transport } = await start(() => ({ json: { version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' } }));
    expect(await transport.version()).toEqual({ serverVersion: '19.0', serverVersionInfo: [19, 0, 0, 'final', 0, ''] });
    expect(server!.calls[0]).toMatchObject({ method: 'GET', path: '/web/version' });
  });

  it('authenticate() reads the uid from res.users/context_get', async () => {
    const { transport, creds } = await start(() => ({ json: { lang: 'en_US', tz: 'Europe/Brussels', uid: 6 } }));
    expect(await transport.authenticate(creds)).toBe(6);
    expect(server!.calls[0]).toMatchObject({ path: '/json/2/res.users/context_get', body: {} });
  });

  it('authenticate() falls back to searching the login when context_get has no uid', async () => {
    const { transport, creds } = await start((_call, index) => ({ json: index === 0 ? { lang: 'en_US', tz: false } : [9] }));
    expect(await transport.authenticate(creds)).toBe(9);
    expect(server!.calls[1]).toMatchObject({
      path: '/json/2/res.users/search',
      body: { domain: [['login', '=', 'etl@example.com']], limit: 1 },
    });
  });

  it('a bad or expired key makes authenticate() false, hence OdooLoginError in the client', async () => {
    server = await startFakeJson(() => odooError(401, 'werkzeug.exceptions.Unauthorized', 'Invalid apikey'));
    const transport = new Json2Transport(server.url);
    const creds = { url: server.url, db: 'shop', login: 'etl', secret: SECRET };
    expect(await transport.authenticate(creds)).toBe(false);
    const error = await failure(OdooClient.connect({ transport, credentials: creds }));
    expect(error).toBeInstanceOf(OdooLoginError);
    expect(error.message).toBe('Odoo rejected the login for user etl on database shop: check ODOO_USERNAME and ODOO_PASSWORD (or ODOO_API_KEY)');
  });
});

describe('Json2Transport errors', () => {
  it('maps each status and exception name to the typed errors, with Odoo\'s message', async () => {
    const replies = [
      odooError(401, 'werkzeug.exceptions.Unauthorized', 'Invalid apikey'),
      odooError(403, 'odoo.exceptions.AccessError', "You are not allowed to access 'Point of Sale Orders' (pos.order) records."),
      odooError(403, 'odoo.exceptions.AccessDenied', 'Access Denied'),
      odooError(404, 'werkzeug.exceptions.NotFound', "the model 'pos.promotion' does not exist"),
      odooError(404, 'werkzeug.exceptions.NotFound', "The method 'frobnicate' does not exist on the model 'res.partner'"),
      odooError(422, 'werkzeug.exceptions.UnprocessableEntity', "missing a required argument: 'domain'"),
      odooError(422, 'odoo.exceptions.ValidationError', 'The operation cannot be completed.'),
      odooError(500, 'builtins.ValueError', "Invalid field 'x' on model 'res.partner'"),
    ];
    const { transport, creds } = await start((_call, index) => replies[index]!);
    const call = () => transport.executeKw(creds, 2, 'res.partner', 'search', [[]], {});
    const badKey = await failure(call());
    expect(badKey).toBeInstanceOf(OdooAccessDeniedError);
    expect(badKey.message).toBe('Odoo rejected the API key (HTTP 401: Invalid apikey): check ODOO_API_KEY, it may have expired');
    const access = await failure(call());
    expect(access).toBeInstanceOf(OdooAccessError);
    expect(access.message).toBe("You are not allowed to access 'Point of Sale Orders' (pos.order) records.");
    const denied = await failure(call());
    expect(denied).toBeInstanceOf(OdooAccessDeniedError);
    expect(denied.message).toBe('Access Denied');
    const model = await failure(call());
    expect(model).toBeInstanceOf(OdooUnknownModelError);
    expect(model.message).toBe("Object pos.promotion doesn't exist");
    expect((model as OdooUnknownModelError).model).toBe('pos.promotion');
    const method = await failure(call());
    expect(method).toBeInstanceOf(OdooUserError);
    expect(method).not.toBeInstanceOf(OdooUnknownModelError);
    expect(method.message).toBe("The method 'frobnicate' does not exist on the model 'res.partner'");
    const args = await failure(call());
    expect(args).toBeInstanceOf(OdooUserError);
    expect(args.message).toBe("missing a required argument: 'domain'");
    const validation = await failure(call());
    expect(validation).toBeInstanceOf(OdooUserError);
    expect(validation.message).toBe('The operation cannot be completed.');
    const crash = await failure(call());
    expect(crash).toBeInstanceOf(OdooServerError);
    expect(crash.message).toBe("ValueError: Invalid field 'x' on model 'res.partner'");
    for (const error of [badKey, access, denied, model, method, args, validation, crash]) expect((error as OdooServerError).retryable).toBe(false);
  });

  it('a 404 page that is not Odoo JSON means the server has no JSON-2', async () => {
    const { transport, creds } = await start(() => ({ raw: '<!doctype html><title>404 Not Found</title>', status: 404 }));
    const error = await failure(transport.executeKw(creds, 2, 'res.partner', 'search', [[]], {}));
    expect(error).toBeInstanceOf(OdooProtocolError);
    expect(error.message).toBe(
      'Odoo answered HTTP 404 Not Found on /json/2/res.partner/search: this server has no JSON-2 API (Odoo 19 or later): set ODOO_TRANSPORT=jsonrpc or xmlrpc',
    );
  });

  it('429, 502, 503 and 504 are transient', async () => {
    const statuses = [429, 502, 503, 504];
    const { transport, creds } = await start((_call, index) => ({ raw: 'busy', status: statuses[index]! }));
    for (const status of statuses) {
      const error = await failure(transport.executeKw(creds, 2, 'res.partner', 'search', [[]], {}));
      expect(error).toBeInstanceOf(OdooTransientError);
      expect((error as OdooTransientError).status).toBe(status);
    }
  });

  it('the client retries a 503 on JSON-2 and then gets the records', async () => {
    server = await startFakeJson((_call, index) => {
      if (index === 0) return { json: { uid: 2 } };
      if (index === 1) return { raw: 'busy', status: 503 };
      return { json: [1, 2, 3] };
    });
    const client = await OdooClient.connect({
      transport: new Json2Transport(server.url),
      credentials: { url: server.url, db: 'shop', login: 'etl', secret: SECRET },
      retry: { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 2 },
    });
    expect(await client.search('res.partner', [])).toEqual([1, 2, 3]);
    expect(server.calls.map((c) => c.path)).toEqual(['/json/2/res.users/context_get', '/json/2/res.partner/search', '/json/2/res.partner/search']);
  });

  it('an error body that echoes the key has it blanked out', async () => {
    const { transport, creds } = await start(() => odooError(500, 'builtins.ValueError', `bad key ${SECRET}`));
    const error = await failure(transport.executeKw(creds, 2, 'res.partner', 'search', [[]], {}));
    expect(error.message).toBe('ValueError: bad key ***');
  });
});
