/**
 * Local calendar days to Odoo's datetimes. Odoo stores a datetime as a naive
 * UTC string (`'2026-12-01 08:15:00'`) while a user means days on the shop's
 * clock, so "1 to 6 December in Paris" becomes `>= '2026-11-30 23:00:00'` and
 * `< '2026-12-06 23:00:00'`. The zone arithmetic, DST included, is Intl's:
 * no zone database of our own to keep up to date.
 */
import { odooDatetime } from '../datetime.ts';
import type { OdooClient } from '../client.ts';
import { leaf, type Domain } from '../domain.ts';
import { fail, QueryOptionsError } from './query-checks.ts';
import { oncePerClient } from '../once-per-client.ts';

/** A span of local calendar days, both ends inclusive. */
export interface LocalDays {
  /** The first day, `YYYY-MM-DD`, from its first second; none: no lower bound. */
  readonly from?: string;
  /** The last day, `YYYY-MM-DD`, included to its last second; none: no upper bound. */
  readonly to?: string;
  /** The IANA zone the days are in, e.g. `Europe/Paris`; default the Odoo user's own zone (UTC when the user has none). */
  readonly timeZone?: string;
}

/** UTC bounds as Odoo's naive strings: `start <= datetime < end`; a bound is missing when its day was. */
export interface UtcBounds {
  readonly start?: string;
  readonly end?: string;
}

const DAY_MS = 86_400_000;
/** Offsets run from -12h to +14h: 16h either side of UTC midnight holds the local midnight. */
const SEARCH_S = 16 * 3600;

/**
 * The UTC bounds of local days `from` to `to` (inclusive) in `timeZone`, for
 * a datetime field of a model the helpers do not cover:
 * `domainOf().between('date', start, end)` once both are given.
 */
export function localDaysToUtc(days: LocalDays & { readonly timeZone: string }): UtcBounds {
  if (days.timeZone === undefined) fail('localDaysToUtc', 'timeZone is required, e.g. Europe/Paris');
  return checkLocalDays('localDaysToUtc', days).bounds(days.timeZone);
}

/** An Odoo datetime (naive UTC) as the wall-clock time in `timeZone`, in the same `YYYY-MM-DD HH:MM:SS` form. */
export function toLocalDatetime(utc: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(utc);
  const ms = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!) : NaN;
  if (!match || Number.isNaN(ms) || odooDatetime(new Date(ms)) !== utc) fail('toLocalDatetime', `'${utc}' is not an Odoo datetime such as '2026-12-01 08:15:00'`);
  const p = wallClock(ms, checkZone('toLocalDatetime', timeZone));
  return `${p.date} ${p.time}`;
}

/**
 * The Odoo user's time zone (their preferences' `tz`, from `res.users.context_get`);
 * UTC when they have none. Asked once per client, as the helpers' default zone.
 */
export function userTimeZone(odoo: OdooClient): Promise<string> {
  return oncePerClient(odoo, 'context_get tz', async () => {
    const context = await odoo.executeKw<Record<string, unknown> | null>('res.users', 'context_get');
    const tz = context?.tz;
    if (typeof tz !== 'string' || tz === '') return 'UTC';
    if (!isTimeZone(tz)) throw new QueryOptionsError(`the Odoo user's time zone '${tz}' is unknown to this JavaScript runtime; pass timeZone`);
    return tz;
  });
}

/** Checked days, turned into bounds once the zone is known. */
export interface CheckedDays {
  readonly any: boolean;
  bounds(timeZone: string): UtcBounds;
}

/** Checks `from`, `to` and `timeZone` now, one line naming the first bad one. */
export function checkLocalDays(helper: string, days: LocalDays): CheckedDays {
  const from = days.from === undefined ? undefined : checkDay(helper, 'from', days.from);
  const to = days.to === undefined ? undefined : checkDay(helper, 'to', days.to);
  if (from !== undefined && to !== undefined && from > to) fail(helper, `from (${days.from}) is after to (${days.to})`);
  if (days.timeZone !== undefined) checkZone(helper, days.timeZone);
  return {
    any: from !== undefined || to !== undefined,
    bounds: (timeZone) => ({
      ...(from === undefined ? {} : { start: odooDatetime(new Date(startOfDay(from, timeZone))) }),
      ...(to === undefined ? {} : { end: odooDatetime(new Date(startOfDay(to + DAY_MS, timeZone))) }),
    }),
  };
}

/** The leaves `path >= start` and `path < end` for the days, in their zone or the user's. */
export async function localDaysDomain(odoo: OdooClient, days: CheckedDays, timeZone: string | undefined, path: string): Promise<Domain> {
  if (!days.any) return [];
  const { start, end } = days.bounds(timeZone ?? (await userTimeZone(odoo)));
  return [...(start === undefined ? [] : [leaf(path, '>=', start)]), ...(end === undefined ? [] : [leaf(path, '<', end)])];
}

/** A `YYYY-MM-DD` calendar day, as the epoch milliseconds of its UTC midnight. */
export function checkDay(helper: string, option: string, day: unknown): number {
  const match = typeof day === 'string' ? /^([1-9]\d{3})-(\d{2})-(\d{2})$/.exec(day) : null;
  const ms = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) : NaN;
  if (!match || Number.isNaN(ms) || odooDatetime(new Date(ms)).slice(0, 10) !== day) {
    fail(helper, `${option} must be a calendar day as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
  return ms;
}

function checkZone(helper: string, timeZone: unknown): string {
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) {
    fail(helper, `timeZone must be an IANA time zone such as Europe/Paris, got ${JSON.stringify(timeZone)}`);
  }
  return timeZone;
}

/** An IANA zone name this JavaScript runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first second of the local day whose UTC midnight is `dayMs`: a binary
 * search for the first second whose local date is that day, which is right
 * where midnight itself does not exist (Cairo and Santiago spring forward at
 * 00:00) as well as across ordinary DST changes.
 */
function startOfDay(dayMs: number, timeZone: string): number {
  const day = odooDatetime(new Date(dayMs)).slice(0, 10);
  let before = dayMs / 1000 - SEARCH_S;
  let onOrAfter = dayMs / 1000 + SEARCH_S;
  while (onOrAfter - before > 1) {
    const mid = Math.floor((before + onOrAfter) / 2);
    if (wallClock(mid * 1000, timeZone).date >= day) onOrAfter = mid;
    else before = mid;
  }
  return onOrAfter * 1000;
}

function wallClock(ms: number, timeZone: string): { date: string; time: string } {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  return {
    date: `${parts.year!.padStart(4, '0')}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}
