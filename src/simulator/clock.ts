/**
 * The simulator's notion of "now". It starts at the instant the caller gives
 * (never the machine's date, so the same start gives the same data) and ticks
 * in real time from there; `set` makes it manual (frozen until the next
 * `set`/`advance`). `advance` moves either kind.
 */
export interface Clock {
  now(): Date;
  set(d: Date): void;
  advance(ms: number): void;
}

/** `elapsed` is milliseconds on a monotonic scale (default performance.now), so a wall-clock jump does not move the simulator. */
export function createClock(start: Date, elapsed: () => number = () => performance.now()): Clock {
  const startMs = start.getTime();
  if (!Number.isFinite(startMs)) throw new Error('createClock: start is not a valid date');
  const origin = elapsed();
  let manual: number | undefined;
  let offset = 0;
  return {
    now: () => new Date(manual ?? startMs + (elapsed() - origin) + offset),
    set: (d) => {
      manual = d.getTime();
    },
    advance: (ms) => {
      if (manual === undefined) offset += ms;
      else manual += ms;
    },
  };
}

/**
 * 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC, as PostgreSQL keeps a `timestamp`
 * (Odoo's write_date is `now() at time zone 'UTC'`). A whole second drops the
 * fraction, as PostgreSQL prints it.
 */
export function formatTimestamp(d: Date): string {
  const iso = d.toISOString(); // 2026-11-23T10:00:00.123Z
  const ms = iso.slice(20, 23);
  const base = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return ms === '000' ? base : `${base}.${ms}000`;
}
