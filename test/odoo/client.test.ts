import { inspect } from 'node:util';
import { afterEach, describe, it, expect } from 'vitest';
import { OdooClient } from '../../src/odoo/client.ts';
import { leaf } from '../../src/odoo/domain.ts';
import { OdooLoginError, OdooProtocolError, OdooServerError, OdooTransientError } from '../../src/odoo/errors.ts';
import type { Credentials } from '../../src/odoo/transport.ts';
import { XmlRpcTransport } from '../../src/odoo/xmlrpc-transport.ts';
import { startFakeXmlRpc, type FakeServer, type Handler, type ReceivedCall, type Reply } from './fake-xmlrpc-server.ts';
import { failure as failureOf } from './failure.ts';

const SECRET = 'pw-do-not-leak-31337';
const failure = (promise: Promise<unknown>) => failureOf(promise, SECRET);
const FAST = { retries: 3, minTimeoutMs: 1, maxTimeoutMs: 5 };
let server: FakeServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Warning {
  readonly obj: Record<string, unknown>;
  readonly msg: string;
}

/** A fake Odoo: authenticate answers uid 2, everything else goes to `object`. */
async function connect(object: Handler, retry: object = FAST, timeoutMs = 2000) {
  const warnings: Warning[] = [];
  let objectCalls = 0;
  server = await startFakeXmlRpc((call: ReceivedCall): Reply => {
    if (call.method === 'authenticate') return { value: 2 };
    if (call.method === 'version') return { value: { server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''] } };
    return object(call, objectCalls++);
  });
  const credentials: Credentials = { url: server.url, db: 'shop', login: 'etl', secret: SECRET };
  const client = await OdooClient.connect({
    transport: new XmlRpcTransport(server.url, { timeoutMs }),
    credentials,
    retry,
    logger: { warn: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg }) },
  });
  return { client, warnings, objectCalls: () => server!.calls.filter((c) => c.path === '/xmlrpc/2/object') };
}

describe('OdooClient.connect', () => {
  it('keeps the uid and the transport name, and never shows the secret', async () => {
    const { client } = await connect(() => ({ value: [] }));
    expect(client.uid).toBe(2);
    expect(client.transportName).toBe('xmlrpc');
    expect(inspect(client, { depth: Infinity, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(client)).not.toContain(SECRET);
  });

  it('authenticate false -> OdooLoginError with the exact message', async () => {
    server = await startFakeXmlRpc(() => ({ value: false }));
    const error = await failure(
      OdooClient.connect({
        transport: new XmlRpcTransport(server.url),
        credentials: { url: server.url, db: 'shop', login: 'etl@example.com', secret: SECRET },
        retry: FAST,
      }),
    );
    expect(error).toBeInstanceOf(OdooLoginError);
    expect(error.message).toBe(
      'Odoo rejected the login for user etl@example.com on database shop: check ODOO_USERNAME and ODOO_PASSWORD (or ODOO_API_KEY)',
    );
    expect(server.calls).toHaveLength(1);
  });

  it('retries a transient failure of authenticate', async () => {
    server = await startFakeXmlRpc((_call, index) => (index === 0 ? { status: 502 } : { value: 9 }));
    const client = await OdooClient.connect({
      transport: new XmlRpcTransport(server.url),
      credentials: { url: server.url, db: 'shop', login: 'etl', secret: SECRET },
      retry: FAST,
    });
    expect(client.uid).toBe(9);
  });
});

describe('OdooClient retries', () => {
  it('HTTP 503 then success: retried, succeeds, one warning without args or secret', async () => {
    const { client, warnings, objectCalls } = await connect((_call, index) => (index === 0 ? { status: 503 } : { value: [4, 5] }));
    expect(await client.search('pos.order', [leaf('state', '=', 'paid')])).toEqual([4, 5]);
    expect(objectCalls()).toHaveLength(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toBe('Odoo call failed, retrying');
    expect(warnings[0]!.obj).toMatchObject({
      model: 'pos.order',
      method: 'search',
      attempt: 1,
      retriesLeft: 3,
      error: 'Odoo answered HTTP 503 Service Unavailable on /xmlrpc/2/object',
    });
    expect(JSON.stringify(warnings)).not.toContain(SECRET);
    expect(JSON.stringify(warnings)).not.toContain('paid');
  });

  it('503 forever: fails after retries + 1 tries with a clear message', async () => {
    const { client, warnings, objectCalls } = await connect(() => ({ status: 503 }));
    const error = await failure(client.searchCount('pos.order', []));
    expect(error).toBeInstanceOf(OdooTransientError);
    expect(error.message).toBe('Odoo answered HTTP 503 Service Unavailable on /xmlrpc/2/object (gave up after 4 attempts)');
    expect((error as OdooTransientError).status).toBe(503);
    expect(objectCalls()).toHaveLength(4);
    expect(warnings.map((w) => w.obj.attempt)).toEqual([1, 2, 3]);
  });

  it('404 is not retried', async () => {
    const { client, warnings, objectCalls } = await connect(() => ({ status: 404 }));
    const error = await failure(client.search('pos.order', []));
    expect(error).toBeInstanceOf(OdooProtocolError);
    expect(error.message).toBe("Odoo answered HTTP 404 Not Found on /xmlrpc/2/object: is ODOO_URL the Odoo server's root URL?");
    expect(objectCalls()).toHaveLength(1);
    expect(warnings).toHaveLength(0);
  });

  it('a server fault is not retried', async () => {
    const { client, objectCalls } = await connect(() => ({
      fault: { faultCode: 1, faultString: "Traceback\nValueError: Invalid field 'x' on model 'pos.order'" },
    }));
    const error = await failure(client.searchRead('pos.order', [], { fields: ['x'] }));
    expect(error).toBeInstanceOf(OdooServerError);
    expect(error.message).toBe("ValueError: Invalid field 'x' on model 'pos.order'");
    expect(objectCalls()).toHaveLength(1);
  });

  it('a connection reset is retried', async () => {
    const { client, objectCalls } = await connect((_call, index) => (index === 0 ? { destroy: true } : { value: 12 }));
    expect(await client.searchCount('pos.order', [])).toBe(12);
    expect(objectCalls()).toHaveLength(2);
  });

  it('a stall past the timeout is retried as transient', async () => {
    const { client, warnings } = await connect((_call, index) => (index === 0 ? { stall: true } : { value: [1] }), FAST, 100);
    expect(await client.search('pos.order', [])).toEqual([1]);
    expect(warnings[0]!.obj.error).toMatch(/^Odoo did not answer within 100 ms on \/xmlrpc\/2\/object/);
  });
});

describe('OdooClient helpers', () => {
  it('pass the domain positionally and omit undefined kwargs', async () => {
    const { client, objectCalls } = await connect((call) => {
      const method = call.params[4];
      if (method === 'search') return { value: [1, 2] };
      if (method === 'search_read') return { value: [{ id: 1, name: 'A' }] };
      if (method === 'read') return { value: [{ id: 2, name: 'B' }] };
      if (method === 'search_count') return { value: 2 };
      return { value: { name: { type: 'char', string: 'Name', store: true } } };
    });
    const domain = [leaf('write_date', '>=', '2024-01-01 00:00:00'), leaf('id', '>', 0)];
    const context = { active_test: false };
    expect(await client.search('res.partner', domain, { order: 'id', limit: 10 })).toEqual([1, 2]);
    expect(await client.searchRead('res.partner', domain, { fields: ['name'], order: 'id', limit: 500, context })).toEqual([{ id: 1, name: 'A' }]);
    expect(await client.read('res.partner', [2], ['name'], { context })).toEqual([{ id: 2, name: 'B' }]);
    expect(await client.searchCount('res.partner', domain, { context })).toBe(2);
    expect(await client.fieldsGet('res.partner')).toEqual({ name: { type: 'char', string: 'Name', store: true } });

    const sent = objectCalls().map((c) => c.params.slice(3));
    const wireDomain = [['write_date', '>=', '2024-01-01 00:00:00'], ['id', '>', 0]];
    expect(sent).toEqual([
      ['res.partner', 'search', [wireDomain], { order: 'id', limit: 10 }],
      ['res.partner', 'search_read', [wireDomain], { fields: ['name'], order: 'id', limit: 500, context }],
      ['res.partner', 'read', [[2]], { fields: ['name'], context }],
      ['res.partner', 'search_count', [wireDomain], { context }],
      ['res.partner', 'fields_get', [], { attributes: ['type', 'string', 'store', 'relation', 'required', 'readonly', 'selection'] }],
    ]);
    expect(objectCalls()[0]!.params.slice(0, 3)).toEqual(['shop', 2, SECRET]);
  });

  it('displayNames: false sends load _classic_write (bare many2one ids); true or unsaid leaves Odoo its default', async () => {
    const { client, objectCalls } = await connect((call) => ({ value: call.params[4] === 'read' ? [{ id: 2 }] : [{ id: 1 }] }));
    await client.searchRead('res.partner', [], { fields: ['parent_id'], displayNames: false });
    await client.read('res.partner', [2], ['parent_id'], { displayNames: false });
    await client.searchRead('res.partner', [], { fields: ['parent_id'], displayNames: true });
    expect(objectCalls().map((c) => c.params[6])).toEqual([
      { fields: ['parent_id'], load: '_classic_write' },
      { fields: ['parent_id'], load: '_classic_write' },
      { fields: ['parent_id'] },
    ]);
  });

  it('read of no ids asks nothing', async () => {
    const { client, objectCalls } = await connect(() => ({ value: [] }));
    expect(await client.read('res.partner', [], ['name'])).toEqual([]);
    expect(objectCalls()).toHaveLength(0);
  });

  it('rejects answers of the wrong shape', async () => {
    const { client } = await connect(() => ({ value: 'nope' }));
    await expect(client.search('res.partner', [])).rejects.toThrow('res.partner.search answered a string instead of a list of ids');
    await expect(client.searchRead('res.partner', [], { fields: [] })).rejects.toThrow(
      'res.partner.search_read answered a string instead of a list of records with ids',
    );
    await expect(client.searchCount('res.partner', [])).rejects.toThrow('res.partner.search_count answered a string instead of a count');
  });

  it('version() is asked once', async () => {
    const { client } = await connect(() => ({ value: [] }));
    const first = await client.version();
    const second = await client.version();
    expect(first).toEqual({ serverVersion: '17.0', serverVersionInfo: [17, 0, 0, 'final', 0, ''] });
    expect(second).toBe(first);
    expect(server!.calls.filter((c) => c.method === 'version')).toHaveLength(1);
  });

  it('executeKw passes args and kwargs through', async () => {
    const { client, objectCalls } = await connect(() => ({ value: true }));
    expect(await client.executeKw<boolean>('res.partner', 'check_access_rights', ['read'], { raise_exception: false })).toBe(true);
    expect(objectCalls()[0]!.params.slice(3)).toEqual(['res.partner', 'check_access_rights', ['read'], { raise_exception: false }]);
  });
});
