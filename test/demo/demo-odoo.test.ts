/**
 * The demo's simulated company across runs: every run after the first rings
 * up ORDERS_PER_RUN orders at a shop that has traded, in turn, however many
 * runs there were (an archived shop with no orders once made the fourth run
 * fail).
 */
import { describe, expect, it } from 'vitest';
import { ORDERS_PER_RUN, startDemoOdoo } from '../../src/demo/demo-odoo.ts';

const HOUR = 3_600_000;
/** Two demo simulators are seeded: ~1.4 s on an idle machine, 4 s and more on a loaded one, near vitest's 5 s default. */
const SEEDING_TIMEOUT = 60_000;

describe('the demo Odoo', () => {
  it('adds ORDERS_PER_RUN paid orders per run, for ten runs, each at a shop with past orders', async () => {
    const first = new Date('2026-11-02T09:00:00Z');
    const runs = Array.from({ length: 10 }, (_, i) => new Date(first.getTime() + i * HOUR));
    const once = await startDemoOdoo(runs.slice(0, 1));
    const base = once.count('pos.order', { activeTest: false });
    await once.close();
    const sim = await startDemoOdoo(runs);
    try {
      expect(sim.count('pos.order', { activeTest: false })).toBe(base + 9 * ORDERS_PER_RUN);
      const added = sim.store.search('pos.order', [['access_token', '=like', 'demo-%']], { activeTest: false });
      expect(added).toHaveLength(9 * ORDERS_PER_RUN);
      const shops = new Set(added.map((id) => sim.store.get('pos.order', id)!.config_id));
      expect(shops.size).toBeGreaterThan(1);
      for (const shop of shops) expect(sim.store.search('pos.order', [['config_id', '=', shop], ['access_token', 'not like', 'demo-%']], { activeTest: false }).length).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
  }, SEEDING_TIMEOUT);
});
