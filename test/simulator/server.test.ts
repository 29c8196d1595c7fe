import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import xmlrpc from 'xmlrpc';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { MODELS } from './fixtures.ts';

let sim: Simulator;

interface Fault {
  faultCode: number;
  faultString: string;
}

function rpc(service: 'common' | 'object' | 'db', method: string, params: unknown[]): Promise<unknown> {
  const client = xmlrpc.createClient({ url: `${sim.url}/xmlrpc/2/${service}` });
  return new Promise((resolve, reject) => {
    client.methodCall(method, params, (error: unknown, value: unknown) => (error ? reject(error) : resolve(value)));
  });
}

function kw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}, password = 'admin'): Promise<unknown> {
  return rpc('object', 'execute_kw', [sim.db, 2, password, model, method, args, kwargs]);
}

async function fault(promise: Promise<unknown>): Promise<Fault> {
  try {
    await promise;
  } catch (error) {
    return error as Fault;
  }
  throw new Error('expected a fault');
}

const lastLine = (f: Fault) => f.faultString.trimEnd().split('\n').at(-1);

beforeAll(async () => {
  sim = await startSimulator({
    now: SIM_NOW,
    models: MODELS,
    scale: 0,
    users: [{ login: 'admin', password: 'admin' }, { login: 'elt', password: 'secret', apiKey: 'key-123' }],
  });
  sim.store.insert('res.users', { name: 'OdooBot', login: '__system__' });
  sim.store.insert('res.users', { name: 'Mitchell Admin', login: 'admin' });
  sim.create('res.partner', { name: 'Azure Interior', is_company: true });
  sim.create('res.partner', { name: 'Brandon Freeman', parent_id: 1 });
  sim.create('res.partner', { name: 'Archived', active: false });
});

afterAll(async () => {
  await sim.close();
});

describe('common service', () => {
  it('answers version like Odoo 17', async () => {
    expect(await rpc('common', 'version', [])).toEqual({
      server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1,
    });
  });

  it('authenticates with a password or an API key, and answers false (not a fault) otherwise', async () => {
    expect(await rpc('common', 'authenticate', [sim.db, 'admin', 'admin', {}])).toBe(2);
    expect(await rpc('common', 'authenticate', [sim.db, 'elt', 'secret', {}])).toBe(6);
    expect(await rpc('common', 'authenticate', [sim.db, 'elt', 'key-123', {}])).toBe(6);
    expect(await rpc('common', 'authenticate', [sim.db, 'elt', 'wrong', {}])).toBe(false);
    expect(await rpc('common', 'login', [sim.db, 'nobody', 'x'])).toBe(false);
  });

  it('fails with fault 1 and a psycopg2 traceback for an unknown database', async () => {
    const f = await fault(rpc('common', 'authenticate', ['nodb', 'admin', 'admin', {}]));
    expect(f.faultCode).toBe(1);
    expect(f.faultString).toMatch(/^Traceback \(most recent call last\):/);
    expect(f.faultString).toContain('psycopg2.OperationalError: connection to server');
    expect(f.faultString).toContain('FATAL:  database "nodb" does not exist');
  });

  it('lists the database through the db service', async () => {
    expect(await rpc('db', 'list', [])).toEqual(['odoo']);
  });
});

describe('object service', () => {
  it('rejects a wrong password or uid with fault 3 Access Denied', async () => {
    const bad = await fault(kw('res.partner', 'search', [[]], {}, 'nope'));
    expect([bad.faultCode, bad.faultString]).toEqual([3, 'Access Denied']);
    const unknownUid = await fault(rpc('object', 'execute_kw', [sim.db, 99, 'admin', 'res.partner', 'search', [[]]]));
    expect(unknownUid.faultCode).toBe(3);
    expect(await rpc('object', 'execute_kw', [sim.db, 6, 'key-123', 'res.partner', 'search_count', [[]]])).toBe(2);
  });

  it('sends Odoo value shapes over the wire', async () => {
    const rows = await kw('res.partner', 'search_read', [[['id', 'in', [1, 2]]]], { fields: ['name', 'parent_id', 'email', 'color', 'write_date'], order: 'id' });
    expect(rows).toEqual([
      { id: 1, name: 'Azure Interior', parent_id: false, email: false, color: 0, write_date: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) },
      { id: 2, name: 'Brandon Freeman', parent_id: [1, 'Azure Interior'], email: false, color: 0, write_date: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) },
    ]);
  });

  it('writes the XML layout of Python xmlrpc.client, faults included', async () => {
    const body = `<?xml version="1.0"?><methodCall><methodName>execute_kw</methodName><params>
      <param><value><string>odoo</string></value></param><param><value><int>2</int></value></param>
      <param><value><string>admin</string></value></param><param><value><string>res.partner</string></value></param>
      <param><value><string>read</string></value></param>
      <param><value><array><data><value><array><data><value><int>1</int></value></data></array></value>
      <value><array><data><value><string>email</string></value><value><string>is_company</string></value></data></array></value></data></array></value></param>
      </params></methodCall>`;
    const res = await fetch(`${sim.url}/xmlrpc/2/object`, { method: 'POST', body, headers: { 'Content-Type': 'text/xml' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await res.text()).toBe(
      '<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n<value><array><data>\n<value><struct>\n' +
        '<member>\n<name>id</name>\n<value><int>1</int></value>\n</member>\n' +
        '<member>\n<name>email</name>\n<value><boolean>0</boolean></value>\n</member>\n' +
        '<member>\n<name>is_company</name>\n<value><boolean>1</boolean></value>\n</member>\n' +
        '</struct></value>\n</data></array></value>\n</param>\n</params>\n\n</methodResponse>\n',
    );
    const faultRes = await fetch(`${sim.url}/xmlrpc/2/object`, { method: 'POST', body: body.replace('admin', 'wrong') });
    expect(faultRes.status).toBe(200);
    expect(await faultRes.text()).toBe(
      '<?xml version="1.0"?>\n<methodResponse>\n<fault>\n<value><struct>\n' +
        '<member>\n<name>faultCode</name>\n<value><int>3</int></value>\n</member>\n' +
        '<member>\n<name>faultString</name>\n<value><string>Access Denied</string></value>\n</member>\n' +
        '</struct></value>\n</fault>\n\n</methodResponse>\n',
    );
  });

  it('reports unknown models, fields and denied models with Odoo fault codes', async () => {
    const model = await fault(kw('no.such.model', 'search', [[]]));
    expect([model.faultCode, model.faultString]).toEqual([2, "Object no.such.model doesn't exist"]);
    const field = await fault(kw('res.partner', 'search_read', [[]], { fields: ['nope'] }));
    expect(field.faultCode).toBe(1);
    expect(lastLine(field)).toBe("ValueError: Invalid field 'nope' on model 'res.partner'");
    sim.denyAccess('pos.order');
    const access = await fault(kw('pos.order', 'search', [[]]));
    expect(access.faultCode).toBe(4);
    expect(access.faultString).toMatch(/^You are not allowed to access 'Point of Sale Orders' \(pos\.order\) records\./);
  });

  it('no longer knows a removed model', async () => {
    sim.removeModel('res.partner.category');
    const f = await fault(kw('res.partner.category', 'search_count', [[]]));
    expect([f.faultCode, f.faultString]).toEqual([2, "Object res.partner.category doesn't exist"]);
  });

  it('logs every execute_kw call with its args and kwargs', async () => {
    sim.calls.length = 0;
    await kw('res.partner', 'search_read', [[['id', '>', 1]]], { fields: ['name'], limit: 10, order: 'id' });
    expect(sim.calls).toEqual([{ model: 'res.partner', method: 'search_read', args: [[['id', '>', 1]]], kwargs: { fields: ['name'], limit: 10, order: 'id' } }]);
  });
});

describe('HTTP', () => {
  it('answers 404 with a Werkzeug page for unknown paths and 405 for GET', async () => {
    const missing = await fetch(`${sim.url}/nothing/here`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(
      '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' +
        '<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
    );
    expect((await fetch(`${sim.url}/xmlrpc/2/common`)).status).toBe(405);
  });
});

describe('time and transactions', () => {
  it('stamps RPC and programmatic writes with the clock', async () => {
    sim.clock.set(new Date('2026-11-23T10:00:00.123Z'));
    await kw('res.partner', 'write', [[1], { email: 'a@b.c' }]);
    expect(sim.store.get('res.partner', 1)!.write_date).toBe('2026-11-23 10:00:00.123000');
    sim.clock.advance(60_000);
    sim.write('res.partner', [2], { email: 'b@b.c' });
    expect(sim.store.get('res.partner', 2)!.write_date).toBe('2026-11-23 10:01:00.123000');
    const [row] = (await kw('res.partner', 'read', [[1], ['write_date']])) as Array<{ write_date: string }>;
    expect(row!.write_date).toBe('2026-11-23 10:00:00');
  });

  it('keeps a transaction invisible until commit, then lands it with write_date = its start', async () => {
    sim.clock.set(new Date('2026-11-23T11:00:00Z'));
    const tx = sim.begin();
    const late = tx.create('res.partner', { name: 'Late Commit' });
    tx.write('res.partner', [1], { name: 'Azure (late)' });
    sim.clock.advance(5 * 60_000);
    sim.write('res.partner', [2], { name: 'Brandon (written meanwhile)' });
    expect(await kw('res.partner', 'search', [[['name', 'ilike', 'late']]])).toEqual([]);
    expect(sim.store.get('res.partner', late)).toBeUndefined();
    tx.commit();
    const rows = await kw('res.partner', 'search_read', [[['id', 'in', [1, 2, late]]]], { fields: ['name', 'write_date'], order: 'id' });
    expect(rows).toEqual([
      { id: 1, name: 'Azure (late)', write_date: '2026-11-23 11:00:00' },
      { id: 2, name: 'Brandon (written meanwhile)', write_date: '2026-11-23 11:05:00' },
      { id: late, name: 'Late Commit', write_date: '2026-11-23 11:00:00' },
    ]);
    expect(() => tx.commit()).toThrow('transaction already committed or rolled back');
  });

  it('drops a rolled-back transaction; begin() takes an explicit start', () => {
    const tx = sim.begin(new Date('2026-11-22T00:00:00Z'));
    expect(tx.start.toISOString()).toBe('2026-11-22T00:00:00.000Z');
    const id = tx.create('res.partner', { name: 'Never' });
    tx.rollback();
    expect(sim.store.get('res.partner', id)).toBeUndefined();
  });

  it('counts with or without archived records', () => {
    expect(sim.count('res.partner', { activeTest: false }) - sim.count('res.partner')).toBe(1);
  });
});

describe('injected faults', () => {
  it('http: answers the status with Retry-After, then recovers', async () => {
    sim.injectFault({ kind: 'http', status: 503, retryAfter: 7, model: 'res.partner', method: 'search_count' });
    const body = `<?xml version="1.0"?><methodCall><methodName>execute_kw</methodName><params>
      <param><value><string>odoo</string></value></param><param><value><int>2</int></value></param>
      <param><value><string>admin</string></value></param><param><value><string>res.partner</string></value></param>
      <param><value><string>search_count</string></value></param><param><value><array><data><value><array><data></data></array></value></data></array></value></param>
      </params></methodCall>`;
    const first = await fetch(`${sim.url}/xmlrpc/2/object`, { method: 'POST', body });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('7');
    const second = await fetch(`${sim.url}/xmlrpc/2/object`, { method: 'POST', body });
    expect(second.status).toBe(200);
  });

  it('http with no model also hits common calls; other models are not hit', async () => {
    sim.injectFault({ kind: 'http', status: 429, method: 'version' });
    const res = await fetch(`${sim.url}/xmlrpc/2/common`, {
      method: 'POST', body: '<?xml version="1.0"?><methodCall><methodName>version</methodName><params></params></methodCall>',
    });
    expect(res.status).toBe(429);
    sim.injectFault({ kind: 'fault', code: 1, message: 'boom', model: 'pos.order.line' });
    expect(await kw('res.partner', 'search_count', [[]])).toBeGreaterThan(0);
  });

  it('reset: drops the connection without an answer', async () => {
    sim.injectFault({ kind: 'reset', model: 'res.partner' });
    const error = (await fault(kw('res.partner', 'search_count', [[]]))) as unknown as NodeJS.ErrnoException;
    expect(error.code).toBe('ECONNRESET');
    expect(await kw('res.partner', 'search_count', [[]])).toBeGreaterThan(0);
  });

  it('stall: delays the answer by the given time', async () => {
    sim.injectFault({ kind: 'stall', ms: 300, method: 'search_count' });
    const started = Date.now();
    expect(await kw('res.partner', 'search_count', [[]])).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('fault: answers an XML-RPC fault, as many times as asked', async () => {
    sim.injectFault({ kind: 'fault', code: 2, message: 'Try again later', model: 'res.partner', times: 2 });
    for (let i = 0; i < 2; i++) {
      const f = await fault(kw('res.partner', 'search', [[]]));
      expect([f.faultCode, f.faultString]).toEqual([2, 'Try again later']);
    }
    expect(Array.isArray(await kw('res.partner', 'search', [[]]))).toBe(true);
  });
});

/** A raw POST, to see what the server sent before a connection ended. */
function rawPost(path: string, body: string): Promise<{ status: number; length: number; received: number; complete: boolean; head: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'text/xml', connection: 'close' } }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      // 'close' comes last whether the body ended or the connection broke.
      res.on('error', () => {});
      res.on('close', () => {
        const data = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, length: Number(res.headers['content-length']), received: data.length, complete: res.complete, head: data.subarray(0, 21).toString() });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}

const SEARCH_COUNT = `<?xml version="1.0"?><methodCall><methodName>execute_kw</methodName><params>
  <param><value><string>odoo</string></value></param><param><value><int>2</int></value></param>
  <param><value><string>admin</string></value></param><param><value><string>res.partner</string></value></param>
  <param><value><string>search_read</string></value></param><param><value><array><data><value><array><data></data></array></value></data></array></value></param>
  </params></methodCall>`;

describe('injected transport faults', () => {
  it('http 500 is Werkzeug\'s error page, 502 nginx\'s', async () => {
    sim.injectFault({ kind: 'http', status: 500, model: 'res.partner' });
    sim.injectFault({ kind: 'http', status: 502, model: 'res.partner' });
    const werkzeug = await fetch(`${sim.url}/xmlrpc/2/object`, { method: 'POST', body: SEARCH_COUNT });
    expect(werkzeug.status).toBe(500);
    expect(await werkzeug.text()).toContain('<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request.');
    const nginx = await fetch(`${sim.url}/xmlrpc/2/object`, { method: 'POST', body: SEARCH_COUNT });
    expect(nginx.status).toBe(502);
    expect(await nginx.text()).toContain('<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>');
  });

  it('cut and truncate: status, headers and half the real answer, then the connection ends', async () => {
    const whole = await rawPost('/xmlrpc/2/object', SEARCH_COUNT);
    expect(whole).toMatchObject({ status: 200, complete: true, head: '<?xml version="1.0"?>' });
    expect(whole.received).toBe(whole.length);
    for (const kind of ['cut', 'truncate'] as const) {
      sim.injectFault({ kind, model: 'res.partner', method: 'search_read' });
      const half = await rawPost('/xmlrpc/2/object', SEARCH_COUNT);
      expect(half).toEqual({ status: 200, length: whole.length, received: Math.floor(whole.length / 2), complete: false, head: whole.head });
    }
    expect(sim.injected.slice(-2)).toEqual([
      { fault: 'cut', call: 'res.partner.search_read', source: 'queued' },
      { fault: 'truncate', call: 'res.partner.search_read', source: 'queued' },
    ]);
  });

  it('chaos fails about the given share of calls, common ones too, the same way for the same seed', async () => {
    const faults = [{ kind: 'http', status: 503 }, { kind: 'http', status: 502 }] as const;
    const statuses = async () => {
      const seen: number[] = [];
      for (let i = 0; i < 60; i += 1) seen.push((await fetch(`${sim.url}/web/version`)).status);
      return seen;
    };
    const before = sim.injected.length;
    sim.chaos({ rate: 0.25, seed: 42, faults });
    const first = await statuses();
    sim.chaos({ rate: 0.25, seed: 42, faults });
    const second = await statuses();
    sim.chaos(undefined);
    const calm = await statuses();
    expect(second).toEqual(first);
    const failed = first.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThanOrEqual(8);
    expect(failed).toBeLessThanOrEqual(25);
    expect(new Set(first)).toEqual(new Set([200, 502, 503]));
    expect(calm.every((s) => s === 200)).toBe(true);
    const injected = sim.injected.slice(before);
    expect(injected).toHaveLength(failed * 2);
    expect(injected.every((f) => f.call === 'common.version' && f.source === 'chaos')).toBe(true);
    expect(() => sim.chaos({ rate: 2 })).toThrow('chaos rate must be in (0, 1], got 2');
  });
});

describe('options', () => {
  it('adds latencyMs to every call and speaks as Odoo 19 when asked', async () => {
    const slow = await startSimulator({ now: SIM_NOW, models: MODELS, scale: 0, latencyMs: 150, version: 19, db: 'prod' });
    try {
      const client = xmlrpc.createClient({ url: `${slow.url}/xmlrpc/2/common` });
      const started = Date.now();
      const version = await new Promise((resolve, reject) =>
        client.methodCall('version', [], (error: unknown, value: unknown) => (error ? reject(error) : resolve(value))),
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect(version).toMatchObject({ server_version: '19.0', server_version_info: [19, 0, 0, 'final', 0, ''] });
      expect(slow.db).toBe('prod');
      expect(slow.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await slow.close();
    }
  });
});
