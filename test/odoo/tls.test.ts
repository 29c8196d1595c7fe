/**
 * TLS to Odoo: verified by default (a self-signed certificate fails with one
 * line saying what to do), unverified only when the caller asks, on every
 * transport and on the transport probe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseTransport, createNamedTransport } from '../../src/odoo/choose-transport.ts';
import { OdooTlsError } from '../../src/odoo/errors.ts';
import type { TransportName } from '../../src/odoo/transport.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { selfSignedCertificate, type SelfSigned } from '../support/tls.ts';
import { failure } from './failure.ts';

const KEY = 'api-key-0123456789';
let cert: SelfSigned;
let sim: Simulator;

beforeAll(async () => {
  cert = selfSignedCertificate();
  sim = await startSimulator({ now: SIM_NOW, version: 19, scale: 0, tls: { key: cert.key, cert: cert.cert }, users: [{ login: 'admin', password: 'admin', apiKey: KEY }] });
});
afterAll(async () => {
  await sim?.close();
  cert?.remove();
});

describe('TLS verification', () => {
  it('the simulator serves HTTPS when given a key and certificate', () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(['xmlrpc', 'jsonrpc', 'json2'] as TransportName[])('%s: a self-signed certificate fails, not retryable, saying what to set', async (name) => {
    const error = await failure(createNamedTransport(name, sim.url, 2000).version());
    const host = new URL(sim.url).host;
    expect(error).toBeInstanceOf(OdooTlsError);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      `the TLS certificate of ${host} failed verification (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate): ` +
        "if the server uses a private CA, point NODE_EXTRA_CA_CERTS at the CA's PEM file, or set ODOO_TLS_INSECURE=true to skip verification (insecure)",
    );
  });

  it.each(['xmlrpc', 'jsonrpc', 'json2'] as TransportName[])('%s: works with verification turned off', async (name) => {
    const transport = createNamedTransport(name, sim.url, 2000, { insecureTls: true });
    expect((await transport.version()).serverVersion).toBe('19.0');
    expect(await transport.authenticate({ url: sim.url, db: sim.db, login: 'admin', secret: name === 'json2' ? KEY : 'admin' })).toBe(2);
  });

  it('the transport probe stops at a certificate failure instead of falling back to another transport', async () => {
    const settings = { url: sim.url, db: sim.db, login: 'admin', secret: KEY, hasApiKey: true, timeoutMs: 2000 };
    const log = { info: () => {} };
    await expect(chooseTransport(settings, log)).rejects.toBeInstanceOf(OdooTlsError);
    expect((await chooseTransport({ ...settings, insecureTls: true }, log)).name).toBe('json2');
  });
});
