import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OdooClient } from '../../src/odoo/client.ts';
import { JsonRpcTransport } from '../../src/odoo/jsonrpc-transport.ts';
import { XmlRpcTransport } from '../../src/odoo/xmlrpc-transport.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0 });
  sim.clock.set(new Date('2026-11-02T09:30:00.750Z'));
});
afterAll(async () => sim?.close());

describe("Odoo's clock, from its answers' Date header", () => {
  it.each([
    ['xmlrpc', () => new XmlRpcTransport(sim.url)],
    ['jsonrpc', () => new JsonRpcTransport(sim.url)],
  ])('%s: null before any answer, then the latest Date to the second; it never goes back', async (_name, make) => {
    const transport = make();
    expect(transport.serverClock()).toBeNull();
    const odoo = await OdooClient.connect({ transport, credentials: { url: sim.url, db: sim.db, login: 'admin', secret: 'admin' } });
    expect(odoo.serverClock()).toEqual(new Date('2026-11-02T09:30:00Z'));
    sim.clock.advance(90_000);
    await odoo.searchCount('res.partner', []);
    expect(odoo.serverClock()).toEqual(new Date('2026-11-02T09:31:30Z'));
    sim.clock.advance(-60_000); // a clock stepped back: the mark stays
    await odoo.searchCount('res.partner', []);
    expect(odoo.serverClock()).toEqual(new Date('2026-11-02T09:31:30Z'));
    sim.clock.set(new Date('2026-11-02T09:30:00.750Z'));
  });
});
