import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { MODELS } from './fixtures.ts';

let sim19: Simulator;
let sim17: Simulator;
const KEY = 'key-elt-0123456789';

beforeAll(async () => {
  const users = [{ login: 'admin', password: 'admin' }, { login: 'elt', password: 'secret', apiKey: KEY }];
  sim19 = await startSimulator({ now: SIM_NOW, version: 19, models: MODELS, scale: 0, users });
  sim17 = await startSimulator({ now: SIM_NOW, version: 17, models: MODELS, scale: 0, users });
  for (const sim of [sim19, sim17]) {
    sim.create('res.partner', { name: 'Azure Interior' });
    sim.create('res.partner', { name: 'Deco Addict', active: false });
  }
});
afterAll(async () => {
  await sim19?.close();
  await sim17?.close();
});

async function post(sim: Simulator, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

function jsonrpc(sim: Simulator, service: string, method: string, args: unknown[]) {
  return post(sim, '/jsonrpc', { jsonrpc: '2.0', method: 'call', params: { service, method, args }, id: 42 });
}

function json2(sim: Simulator, model: string, method: string, body: unknown, key = KEY) {
  return post(sim, `/json/2/${model}/${method}`, body, { authorization: `bearer ${key}`, 'x-odoo-database': sim.db });
}

describe('GET /web/version', () => {
  it('answers version and version_info on 17 and 19', async () => {
    for (const [sim, v] of [[sim17, 17], [sim19, 19]] as const) {
      const response = await fetch(`${sim.url}/web/version`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toEqual({ version_info: [v, 0, 0, 'final', 0, ''], version: `${v}.0` });
    }
  });
});

describe('/jsonrpc', () => {
  it('serves the common and object services like /xmlrpc/2, API keys in place of passwords', async () => {
    expect((await jsonrpc(sim17, 'common', 'version', [])).json).toEqual({
      jsonrpc: '2.0',
      id: 42,
      result: { server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1 },
    });
    expect((await jsonrpc(sim17, 'common', 'authenticate', [sim17.db, 'elt', KEY, {}])).json.result).toBe(6);
    expect((await jsonrpc(sim17, 'common', 'authenticate', [sim17.db, 'elt', 'wrong', {}])).json.result).toBe(false);
    const read = await jsonrpc(sim17, 'object', 'execute_kw', [sim17.db, 6, KEY, 'res.partner', 'search_read', [[]], { fields: ['name', 'active'], order: 'id', context: { active_test: false } }]);
    expect(read.json.result).toEqual([
      { id: 1, name: 'Azure Interior', active: true },
      { id: 2, name: 'Deco Addict', active: false },
    ]);
    expect(sim17.calls.at(-1)).toEqual({ model: 'res.partner', method: 'search_read', args: [[]], kwargs: { fields: ['name', 'active'], order: 'id', context: { active_test: false } } });
  });

  it('answers errors with HTTP 200 and serialize_exception in error.data', async () => {
    const denied = await jsonrpc(sim17, 'object', 'execute_kw', [sim17.db, 6, 'wrong', 'res.partner', 'search', [[]], {}]);
    expect(denied.status).toBe(200);
    expect(denied.json.error).toMatchObject({ code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' } });
    const unknown = await jsonrpc(sim19, 'object', 'execute_kw', [sim19.db, 6, KEY, 'no.model', 'search', [[]], {}]);
    expect(unknown.json.error).toMatchObject({ code: 0, data: { name: 'odoo.exceptions.UserError', message: "Object no.model doesn't exist" } });
    const invalid = await jsonrpc(sim17, 'object', 'execute_kw', [sim17.db, 6, KEY, 'res.partner', 'read', [[1]], { fields: ['nope'] }]);
    expect(invalid.json.error.data).toMatchObject({ name: 'builtins.ValueError', message: "Invalid field 'nope' on model 'res.partner'", arguments: ["Invalid field 'nope' on model 'res.partner'"] });
    expect(invalid.json.error.data.debug).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*ValueError: Invalid field 'nope' on model 'res.partner'\n$/);
  });

  it('applies injected faults', async () => {
    sim17.injectFault({ kind: 'http', status: 503, model: 'res.partner', retryAfter: 2 });
    const busy = await jsonrpc(sim17, 'object', 'execute_kw', [sim17.db, 6, KEY, 'res.partner', 'search', [[]], {}]);
    expect(busy.status).toBe(503);
    sim17.injectFault({ kind: 'fault', code: 4, message: 'nope', model: 'res.partner' });
    const access = await jsonrpc(sim17, 'object', 'execute_kw', [sim17.db, 6, KEY, 'res.partner', 'search', [[]], {}]);
    expect(access.json.error.data).toMatchObject({ name: 'odoo.exceptions.AccessError', message: 'nope' });
  });
});

describe('/json/2/<model>/<method>', () => {
  it('is unknown before Odoo 19: a Werkzeug 404 page', async () => {
    const response = await json2(sim17, 'res.partner', 'search', { domain: [] });
    expect(response.status).toBe(404);
    expect(response.text).toContain('<title>404 Not Found</title>');
  });

  it('takes named arguments with the bearer key and answers the bare value', async () => {
    const found = await json2(sim19, 'res.partner', 'search_read', { domain: [], fields: ['name', 'active'], order: 'id', context: { active_test: false } });
    expect(found.status).toBe(200);
    expect(found.json).toEqual([
      { id: 1, name: 'Azure Interior', active: true },
      { id: 2, name: 'Deco Addict', active: false },
    ]);
    expect((await json2(sim19, 'res.partner', 'read', { ids: [2], fields: ['name'] })).json).toEqual([{ id: 2, name: 'Deco Addict' }]);
    expect((await json2(sim19, 'res.partner', 'search_count', { domain: [] })).json).toBe(1);
    expect((await json2(sim19, 'res.users', 'context_get', {})).json).toEqual({ lang: 'en_US', tz: 'Europe/Paris', uid: 6 });
  });

  it('writes are stamped with the key\'s user', async () => {
    const created = await json2(sim19, 'res.partner', 'create', { vals_list: [{ name: 'Gemini Furniture' }] });
    expect(created.status).toBe(200);
    expect(created.json).toEqual([3]);
    expect(sim19.store.get('res.partner', 3)?.write_uid).toBe(6);
  });

  it('maps errors to HTTP statuses with serialize_exception bodies', async () => {
    const badKey = await json2(sim19, 'res.partner', 'search', { domain: [] }, 'not-a-key');
    expect(badKey.status).toBe(401);
    expect(badKey.json).toMatchObject({ name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey', arguments: ['Invalid apikey', 401] });
    const model = await json2(sim19, 'no.model', 'search', { domain: [] });
    expect(model.status).toBe(404);
    expect(model.json).toMatchObject({ name: 'werkzeug.exceptions.NotFound', message: "the model 'no.model' does not exist" });
    const method = await json2(sim19, 'res.partner', 'frobnicate', {});
    expect(method.status).toBe(404);
    expect(method.json.message).toBe("The method 'frobnicate' does not exist on the model 'res.partner'");
    const args = await json2(sim19, 'res.partner', 'search', { domian: [] });
    expect(args.status).toBe(422);
    expect(args.json.name).toBe('werkzeug.exceptions.UnprocessableEntity');
    const withIds = await json2(sim19, 'res.partner', 'search', { ids: [1], domain: [] });
    expect(withIds.status).toBe(422);
    expect(withIds.json.message).toBe('cannot call res.partner.search with ids');
    const field = await json2(sim19, 'res.partner', 'read', { ids: [1], fields: ['nope'] });
    expect(field.status).toBe(500);
    expect(field.json).toMatchObject({ name: 'builtins.ValueError', message: "Invalid field 'nope' on model 'res.partner'" });
    sim19.denyAccess('res.partner.category');
    const access = await json2(sim19, 'res.partner.category', 'search', { domain: [] });
    expect(access.status).toBe(403);
    expect(access.json.name).toBe('odoo.exceptions.AccessError');
    const body = await post(sim19, '/json/2/res.partner/search', '[1]', { authorization: `bearer ${KEY}` });
    expect(body.status).toBe(400);
    expect(body.json.message).toBe('could not parse the body, expecting a json object');
  });

  it('applies injected faults: HTTP statuses and Odoo faults with their JSON-2 status', async () => {
    sim19.injectFault({ kind: 'http', status: 429, model: 'res.partner', method: 'search', retryAfter: 1 });
    const limited = await json2(sim19, 'res.partner', 'search', { domain: [] });
    expect(limited.status).toBe(429);
    sim19.injectFault({ kind: 'fault', code: 2, message: "Object res.partner doesn't exist", model: 'res.partner' });
    const gone = await json2(sim19, 'res.partner', 'search', { domain: [] });
    expect(gone.status).toBe(404);
    expect(gone.json.message).toBe("the model 'res.partner' does not exist");
    sim19.injectFault({ kind: 'fault', code: 3, message: 'Access Denied', model: 'res.partner' });
    const denied = await json2(sim19, 'res.partner', 'search', { domain: [] });
    expect(denied.status).toBe(403);
    expect(denied.json.name).toBe('odoo.exceptions.AccessDenied');
  });
});
