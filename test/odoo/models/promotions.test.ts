import { describe, expect, it } from 'vitest';
import { promotionRewards, promotionRules, promotions } from '../../../src/odoo/models/promotions.ts';
import { collect, ids, simulatedOdoo, VERSIONS } from '../../support/simulated-odoo.ts';

describe.each(VERSIONS)('promotions on Odoo %i', (version) => {
  const t = simulatedOdoo(version);

  it('runningOn a day: programs whose dates, where set, include it', async () => {
    const all = await collect(promotions(t.odoo, { includeArchived: true }));
    const dated = all.find((p) => p.date_from || p.date_to)!;
    for (const day of [dated.date_from, dated.date_to, '2026-11-07', '2000-01-01'].filter((d): d is string => typeof d === 'string')) {
      const expected = all.filter((p) => p.active && (!p.date_from || p.date_from <= day) && (!p.date_to || p.date_to >= day));
      expect(ids(await collect(promotions(t.odoo, { runningOn: day }))), day).toEqual(ids(expected));
    }
  });

  it('by type and POS availability', async () => {
    const found = await collect(promotions(t.odoo, { programTypes: ['promotion', 'buy_x_get_y'], availableInPos: true }));
    const domain = [['program_type', 'in', ['promotion', 'buy_x_get_y']], ['pos_ok', '=', true]] as const;
    expect(found.length).toBe(await t.odoo.searchCount('loyalty.program', domain));
    expect(found.length).toBeGreaterThan(0);
  });

  it("rewards: all of them, or a program's (its reward_ids)", async () => {
    const [program] = await collect(promotions(t.odoo, { fields: ['reward_ids'], limit: 1 }));
    expect(ids(await collect(promotionRewards(t.odoo, { programIds: [program!.id] })))).toEqual(program!.reward_ids.toSorted((a, b) => a - b));
    const rewards = await collect(promotionRewards(t.odoo));
    expect(rewards.length).toBe(await t.odoo.searchCount('loyalty.reward', []));
    expect(rewards[0]).toMatchObject({ program_id: [expect.any(Number), expect.any(String)], reward_type: expect.any(String) });
  });

  it("rules: all of them, a program's (its rule_ids), those with a code and the automatic ones", async () => {
    const all = await collect(promotionRules(t.odoo));
    expect(all.length).toBe(await t.odoo.searchCount('loyalty.rule', []));
    const withCode = await collect(promotionRules(t.odoo, { withCode: true, fields: ['code', 'mode'] }));
    const automatic = await collect(promotionRules(t.odoo, { withCode: false, fields: ['code', 'mode'] }));
    expect(withCode.length).toBe(await t.odoo.searchCount('loyalty.rule', [['mode', '=', 'with_code']]));
    expect(withCode.length + automatic.length).toBe(all.length);
    expect(withCode.length).toBeGreaterThan(0);
    expect(withCode.every((r) => r.mode === 'with_code' && typeof r.code === 'string')).toBe(true);
    expect(automatic.every((r) => r.mode === 'auto')).toBe(true);
    const [program] = await collect(promotions(t.odoo, { fields: ['rule_ids'], limit: 1 }));
    expect(ids(await collect(promotionRules(t.odoo, { programIds: [program!.id] })))).toEqual(program!.rule_ids.toSorted((a, b) => a - b));
    expect(() => promotionRules(t.odoo, { withCode: 'yes' as unknown as boolean })).toThrow('promotionRules(): withCode must be true or false');
  });
});
