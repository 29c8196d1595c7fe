/** Test helpers: a simulator, a connected client and default extract settings. */
import { OdooClient } from '../../src/odoo/client.ts';
import { XmlRpcTransport } from '../../src/odoo/xmlrpc-transport.ts';
import { parseProjectConfig, type ProjectConfig } from '../../src/extract/project-config.ts';
import type { Log } from '../../src/extract/run-extract.ts';
import type { Simulator } from '../../src/simulator/server.ts';

/**
 * Odoo's "now" in every test: the simulator's data ends here and its clock
 * starts here, never at the machine's date, so a seed gives the same records
 * whatever the day. A Saturday morning (UTC): the shops' sessions are open and
 * the verify test's seed 11 at scale 0.1 has 454 POS lines, past its 400.
 */
export const SIM_NOW = new Date('2026-11-07T09:30:00Z');

/** `ms` after SIM_NOW: e.g. a frozen clock an hour after all generated data. */
export function simTime(ms: number): Date {
  return new Date(SIM_NOW.getTime() + ms);
}

export async function connect(sim: Simulator, login = 'admin', secret = 'admin'): Promise<OdooClient> {
  return OdooClient.connect({
    transport: new XmlRpcTransport(sim.url, { timeoutMs: 5_000 }),
    credentials: { url: sim.url, db: sim.db, login, secret },
    retry: { retries: 2, minTimeoutMs: 5, maxTimeoutMs: 20 },
  });
}

export function projectConfig(raw: Record<string, unknown> = {}): ProjectConfig {
  return parseProjectConfig(raw, 'test');
}

/** A logger that keeps what it was told, for assertions. */
export function memoryLog(): Log & { lines: Array<{ level: string; msg: string; obj: object }> } {
  const lines: Array<{ level: string; msg: string; obj: object }> = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, msg, obj });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
