/** For the model helpers' tests: a seeded simulator of one Odoo version per describe block, and a client logged in to it. */
import { afterAll, beforeAll } from 'vitest';
import type { OdooClient } from '../../src/odoo/client.ts';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/server.ts';
import { connect, SIM_NOW } from './odoo.ts';

/** The versions the simulator models: 17, and 19 (hr.version, JSON-2, renamed fields). */
export const VERSIONS = [17, 19] as const;

export interface SimulatedOdoo {
  sim: Simulator;
  odoo: OdooClient;
}

/** Started before the block's tests, closed after; small seeded data ending at SIM_NOW (so ~90 days back to August 2026). */
export function simulatedOdoo(version: number, options: Partial<SimulatorOptions> = {}): SimulatedOdoo {
  const context = {} as SimulatedOdoo;
  beforeAll(async () => {
    context.sim = await startSimulator({ now: SIM_NOW, seed: 5, scale: 0.2, version, ...options });
    context.odoo = await connect(context.sim);
  });
  afterAll(async () => context.sim?.close());
  return context;
}

export async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const record of records) all.push(record);
  return all;
}

export function ids(records: ReadonlyArray<{ id: number }>): number[] {
  return records.map((record) => record.id);
}
