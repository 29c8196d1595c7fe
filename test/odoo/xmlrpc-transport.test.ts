import { afterEach, describe, it, expect } from 'vitest';
import {
  OdooAccessDeniedError,
  OdooProtocolError,
  OdooServerError,
  OdooTransientError,
  OdooUnknownModelError,
} from '../../src/odoo/errors.ts';
import type { Credentials } from '../../src/odoo/transport.ts';
import { parseRetryAfter } from '../../src/odoo/http.ts';
import { XmlRpcTransport } from '../../src/odoo/xmlrpc-transport.ts';
import { startFakeXmlRpc, type FakeServer, type Handler } from './fake-xmlrpc-server.ts';
import { failure as failureOf } from './failure.ts';

const SECRET = 'sk-very-secret-api-key-4242';
const failure = (promise: Promise<unknown>) => failureOf(promise, SECRET);
let server: FakeServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handler: Handler): Promise<{ transport: XmlRpcTransport; creds: Credentials }> {
  server = await startFakeXmlRpc(handler);
  return {
    transport: new XmlRpcTransport(server.url, { timeoutMs: 2000 }),
    creds: { url: server.url, db: 'shop', login: 'etl@example.com', secret: SECRET },
  };
}

describe('XmlRpcTransport calls', () => {
  it('version() reads common.version', async () => {
    const { transport } = await start(() => ({
      value: { server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1 },
    }));
    expect(await transport.version()).toEqual({ serverVersion: '17.0', serverVersionInfo: [17, 0, 0, 'final', 0, ''] });
    expect(server!.calls[0]).toMatchObject({ path: '/xmlrpc/2/common', method: 'version', params: [] });
  });

  it('authenticate() posts (db, login, secret, {}) and returns the uid or false', async () => {
    const { transport, creds } = await start((_call, index) => ({ value: index === 0 ? 7 : false }));
    expect(await transport.authenticate(creds)).toBe(7);
    expect(await transport.authenticate(creds)).toBe(false);
    expect(server!.calls[0]).toMatchObject({
      path: '/xmlrpc/2/common',
      method: 'authenticate',
      params: ['shop', 'etl@example.com', SECRET, {}],
    });
  });

  it('executeKw() posts execute_kw on /xmlrpc/2/object and returns the decoded value', async () => {
    const { transport, creds } = await start(() => ({ value: [{ id: 1, name: 'A', write_date: '2024-05-01 10:00:00' }] }));
    const result = await transport.executeKw(creds, 7, 'res.partner', 'search_read', [[['id', '>', 0]]], { fields: ['name'], limit: 2 });
    expect(result).toEqual([{ id: 1, name: 'A', write_date: '2024-05-01 10:00:00' }]);
    expect(server!.calls[0]).toMatchObject({
      path: '/xmlrpc/2/object',
      method: 'execute_kw',
      params: ['shop', 7, SECRET, 'res.partner', 'search_read', [[['id', '>', 0]]], { fields: ['name'], limit: 2 }],
    });
  });

  it('accepts a URL with a trailing slash and moves URL credentials into Basic auth', async () => {
    server = await startFakeXmlRpc(() => ({ value: { server_version: '19.0', server_version_info: [19, 0] } }));
    const withAuth = server.url.replace('http://', 'http://proxy:p%40ss@') + '/';
    await new XmlRpcTransport(withAuth).version();
    expect(server.calls[0]!.path).toBe('/xmlrpc/2/common');
    expect(server.calls[0]!.headers.authorization).toBe(`Basic ${Buffer.from('proxy:p@ss').toString('base64')}`);
  });

  it('rejects a URL that is not http(s)', () => {
    expect(() => new XmlRpcTransport('ftp://odoo')).toThrow('ODOO_URL must start with http:// or https://, not ftp://');
    expect(() => new XmlRpcTransport('not a url')).toThrow('ODOO_URL is not a valid URL: expected http(s)://host[:port]');
  });
});

describe('XmlRpcTransport failures', () => {
  it('HTTP 503 is transient, with status and Retry-After', async () => {
    const { transport, creds } = await start(() => ({ status: 503, headers: { 'retry-after': '7' }, body: 'busy' }));
    const error = await failure(transport.executeKw(creds, 1, 'res.partner', 'search', [[]], {}));
    expect(error).toBeInstanceOf(OdooTransientError);
    expect(error.message).toBe('Odoo answered HTTP 503 Service Unavailable on /xmlrpc/2/object (Retry-After: 7 s)');
    expect((error as OdooTransientError).status).toBe(503);
    expect((error as OdooTransientError).retryAfter).toBe(7);
    expect((error as OdooTransientError).retryable).toBe(true);
  });

  it('HTTP 429, 502 and 504 are transient too', async () => {
    const statuses = [429, 502, 504];
    const { transport, creds } = await start((_call, index) => ({ status: statuses[index]! }));
    for (const status of statuses) {
      const error = await failure(transport.executeKw(creds, 1, 'res.partner', 'search', [[]], {}));
      expect(error).toBeInstanceOf(OdooTransientError);
      expect((error as OdooTransientError).status).toBe(status);
    }
  });

  it('HTTP 404 is a protocol error that says what to check', async () => {
    const { transport, creds } = await start(() => ({ status: 404, body: '<html>Not Found</html>' }));
    const error = await failure(transport.executeKw(creds, 1, 'res.partner', 'search', [[]], {}));
    expect(error).toBeInstanceOf(OdooProtocolError);
    expect(error.message).toBe("Odoo answered HTTP 404 Not Found on /xmlrpc/2/object: is ODOO_URL the Odoo server's root URL?");
    expect((error as OdooProtocolError).retryable).toBe(false);
  });

  it('a redirect is not followed: the message names where it points', async () => {
    const { transport } = await start(() => ({ status: 301, headers: { location: 'https://odoo.example.com/xmlrpc/2/common' } }));
    const error = await failure(transport.version());
    expect(error).toBeInstanceOf(OdooProtocolError);
    expect(error.message).toBe(
      'Odoo answered HTTP 301 Moved Permanently on /xmlrpc/2/common (a redirect to https://odoo.example.com/xmlrpc/2/common): set ODOO_URL to the URL the server redirects to',
    );
  });

  it('a 200 body that is not XML-RPC is a protocol error', async () => {
    const { transport, creds } = await start(() => ({ raw: '<html><head><title>Odoo</title></head></html>', contentType: 'text/html' }));
    const error = await failure(transport.authenticate(creds));
    expect(error).toBeInstanceOf(OdooProtocolError);
    expect(error.message).toBe(
      "Odoo answered authenticate() on /xmlrpc/2/common with a body that is not XML-RPC (expected <methodResponse> but the body starts with <html>): is ODOO_URL the Odoo server's root URL?",
    );
  });

  it('a dropped connection is transient', async () => {
    const { transport, creds } = await start(() => ({ destroy: true }));
    const error = await failure(transport.executeKw(creds, 1, 'res.partner', 'search', [[]], {}));
    expect(error).toBeInstanceOf(OdooTransientError);
    expect(error.message).toMatch(/^lost the connection to Odoo on \/xmlrpc\/2\/object of 127\.0\.0\.1:\d+ \(UND_ERR_SOCKET: other side closed\)$/);
  });

  it('a refused connection is transient', async () => {
    server = await startFakeXmlRpc(() => ({ value: 1 }));
    const url = server.url;
    await server.close();
    server = undefined;
    const error = await failure(new XmlRpcTransport(url).version());
    expect(error).toBeInstanceOf(OdooTransientError);
    expect(error.message).toMatch(/^lost the connection to Odoo on \/xmlrpc\/2\/common of 127\.0\.0\.1:\d+ \(ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/);
  });

  it('a stalled server hits the timeout: transient', async () => {
    server = await startFakeXmlRpc(() => ({ stall: true }));
    const transport = new XmlRpcTransport(server.url, { timeoutMs: 150 });
    const started = Date.now();
    const error = await failure(transport.version());
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error).toBeInstanceOf(OdooTransientError);
    expect(error.message).toMatch(/^Odoo did not answer within 150 ms on \/xmlrpc\/2\/common of 127\.0\.0\.1:\d+$/);
  });

  it('fault 1 keeps the traceback, fault 2 names the unknown model, fault 3 is access denied', async () => {
    const traceback = `Traceback (most recent call last):\n  File "odoo/models.py", line 1, in read\nValueError: Invalid field 'x' on model 'res.partner'\n`;
    const faults = [
      { faultCode: 1, faultString: traceback },
      { faultCode: 2, faultString: "Object pos.promotion doesn't exist" },
      { faultCode: 3, faultString: 'Access Denied' },
    ];
    const { transport, creds } = await start((_call, index) => ({ fault: faults[index]! }));
    const server1 = await failure(transport.executeKw(creds, 1, 'res.partner', 'read', [[1]], { fields: ['x'] }));
    expect(server1).toBeInstanceOf(OdooServerError);
    expect(server1.message).toBe("ValueError: Invalid field 'x' on model 'res.partner'");
    expect((server1 as OdooServerError).traceback).toBe(traceback);
    const unknown = await failure(transport.executeKw(creds, 1, 'pos.promotion', 'search', [[]], {}));
    expect(unknown).toBeInstanceOf(OdooUnknownModelError);
    expect((unknown as OdooUnknownModelError).model).toBe('pos.promotion');
    const denied = await failure(transport.executeKw(creds, 1, 'res.partner', 'search', [[]], {}));
    expect(denied).toBeInstanceOf(OdooAccessDeniedError);
    expect(denied.message).toBe('Access Denied');
  });

  it('a fault that echoes the secret has it blanked out', async () => {
    const { transport, creds } = await start(() => ({ fault: { faultCode: 1, faultString: `Traceback\nValueError: bad key ${SECRET}` } }));
    const error = await failure(transport.executeKw(creds, 1, 'res.partner', 'search', [[]], {}));
    expect(error.message).toBe('ValueError: bad key ***');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(parseRetryAfter('Wed, 01 May 2024 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 01 May 2024 09:00:00 GMT', now)).toBe(0);
  });
});
