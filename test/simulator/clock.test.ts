import { describe, expect, it } from 'vitest';
import { createClock, formatTimestamp } from '../../src/simulator/clock.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW, simTime } from '../support/odoo.ts';

/** A stand-in for performance.now that the test moves by hand. */
function fakeElapsed(): { read: () => number; pass: (ms: number) => void } {
  let ms = 12_345.5;
  return { read: () => ms, pass: (by) => void (ms += by) };
}

describe('createClock', () => {
  it('starts at the given instant and ticks in real time from there, whatever the machine date', () => {
    const time = fakeElapsed();
    const clock = createClock(SIM_NOW, time.read);
    expect(clock.now()).toEqual(SIM_NOW);
    time.pass(1_500);
    expect(clock.now()).toEqual(simTime(1_500));
    clock.advance(60_000);
    time.pass(500);
    expect(clock.now()).toEqual(simTime(62_000));
  });

  it('set makes it manual: frozen until the next set or advance', () => {
    const time = fakeElapsed();
    const clock = createClock(SIM_NOW, time.read);
    clock.set(simTime(3_600_000));
    time.pass(10_000);
    expect(clock.now()).toEqual(simTime(3_600_000));
    clock.advance(90_000);
    expect(clock.now()).toEqual(simTime(3_690_000));
  });

  it('refuses an invalid start', () => {
    expect(() => createClock(new Date('not a date'))).toThrow('createClock: start is not a valid date');
  });

  it("formats Odoo's UTC timestamps with microseconds, whole seconds without", () => {
    expect(formatTimestamp(new Date('2026-11-23T10:00:00.123Z'))).toBe('2026-11-23 10:00:00.123000');
    expect(formatTimestamp(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-23 10:00:00');
  });
});

describe("the simulator's clock comes from the caller", () => {
  const everything = (sim: Simulator) =>
    JSON.stringify(sim.store.modelNames().map((model) => sim.store.search(model, [], { activeTest: false, order: 'id' }).map((id) => sim.store.get(model, id))));

  it('the same seed, scale and now give the same records; the data ends at now and the clock starts there', async () => {
    const [a, b] = [await startSimulator({ now: SIM_NOW, scale: 0.05, seed: 3 }), await startSimulator({ now: SIM_NOW, scale: 0.05, seed: 3 })];
    const later = await startSimulator({ now: simTime(86_400_000), scale: 0.05, seed: 3 });
    try {
      expect(everything(b)).toBe(everything(a));
      expect(everything(later)).not.toBe(everything(a));
      const newest = a.store.search('pos.order', [], { activeTest: false, order: 'write_date desc', limit: 1 }).map((id) => a.store.get('pos.order', id)!.write_date as string)[0]!;
      expect(newest <= formatTimestamp(SIM_NOW)).toBe(true);
      expect(newest >= formatTimestamp(simTime(-86_400_000))).toBe(true);
      expect(a.clock.now().getTime() - SIM_NOW.getTime()).toBeGreaterThanOrEqual(0);
      expect(a.clock.now().getTime() - SIM_NOW.getTime()).toBeLessThan(60_000);
    } finally {
      await Promise.all([a.close(), b.close(), later.close()]);
    }
  });
});
