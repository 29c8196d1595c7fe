/**
 * Date and datetime groups of read_group, as Odoo 17 and 19 make them for
 * an en_US user (the one language the simulator installs; its weeks start on
 * Sunday, res.lang's default): `_read_group_groupby` truncates the value,
 * a datetime first moved into the context's tz (`timezone(tz,
 * timezone('UTC', col))`), and `_read_group_format_result` turns each
 * bucket into a label (babel's READ_GROUP_DISPLAY_FORMAT) and a [from, to)
 * range, a datetime's in UTC again (pytz `localize`, is_dst=False).
 *
 * Naive date-times are kept as milliseconds on a UTC scale, so no
 * computation here depends on the machine's time zone.
 */
import { DAY_MS, fmtDate, fmtDatetime, HOUR_MS, pad2 } from './generator/format.ts';

export type Granularity = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** READ_GROUP_TIME_GRANULARITY's keys. */
export const GRANULARITIES: ReadonlySet<string> = new Set<Granularity>(['hour', 'day', 'week', 'month', 'quarter', 'year']);

export type DateType = 'date' | 'datetime';

/** One date group as read_group shows it: the label and the [from, to) bounds. */
export interface DateBucket {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Whether Odoo would convert in this tz (`tz in pytz.all_timezones_set`); Intl knows the same IANA names. */
export function isTimezone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz === '') return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * The group a stored value falls in: its bucket's start as Odoo's SQL gives
 * it ('YYYY-MM-DD' for a date, the naive local 'YYYY-MM-DD HH:MM:SS' for a
 * datetime), or null for an empty value.
 */
export function bucketStart(value: unknown, type: DateType, granularity: Granularity, tz: string | undefined): string | null {
  if (typeof value !== 'string' || value === '') return null;
  let ms = parseNaive(value);
  if (type === 'datetime' && tz) ms += offsetAt(ms, tz);
  return formatNaive(truncate(ms, granularity), type);
}

/** The label and range of the bucket starting at `start` (from `bucketStart`). */
export function describeBucket(start: string, type: DateType, granularity: Granularity, tz: string | undefined, version: number): DateBucket {
  const begin = parseNaive(start);
  const end = addInterval(begin, granularity);
  const utc = (ms: number) => (type === 'datetime' && tz ? localize(ms, tz) : ms);
  return { label: label(begin, granularity, version), from: formatNaive(utc(begin), type), to: formatNaive(utc(end), type) };
}

function truncate(ms: number, granularity: Granularity): number {
  const d = new Date(ms);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  switch (granularity) {
    case 'hour':
      return Math.floor(ms / HOUR_MS) * HOUR_MS;
    case 'day':
      return Math.floor(ms / DAY_MS) * DAY_MS;
    case 'week': // date_trunc('week', x + 1 day) - 1 day: the Sunday before
      return Math.floor(ms / DAY_MS) * DAY_MS - d.getUTCDay() * DAY_MS;
    case 'month':
      return Date.UTC(y, m, 1);
    case 'quarter':
      return Date.UTC(y, m - (m % 3), 1);
    case 'year':
      return Date.UTC(y, 0, 1);
  }
}

/** READ_GROUP_TIME_GRANULARITY's relativedelta, added to a bucket start (always a month's first day for months and more). */
function addInterval(ms: number, granularity: Granularity): number {
  const d = new Date(ms);
  const months = { month: 1, quarter: 3, year: 12 } as Record<string, number>;
  if (granularity === 'hour') return ms + HOUR_MS;
  if (granularity === 'day') return ms + DAY_MS;
  if (granularity === 'week') return ms + 7 * DAY_MS;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months[granularity]!, 1);
}

/** babel's 'hh:00 dd MMM', 'dd MMM yyyy', "'W'w YYYY", 'MMMM yyyy', 'QQQ yyyy', 'yyyy' in en_US. */
function label(ms: number, granularity: Granularity, version: number): string {
  const d = new Date(ms);
  const [y, m, day, h] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()];
  const year = String(y).padStart(4, '0');
  const short = MONTHS[m]!.slice(0, 3);
  switch (granularity) {
    case 'hour':
      return `${pad2(h % 12 || 12)}:00 ${pad2(day)} ${short}`;
    case 'day':
      return `${pad2(day)} ${short} ${year}`;
    case 'week': {
      const [weekYear, week] = version >= 19 ? weekNumber19(ms) : weekNumber17(ms);
      return `W${week} ${String(weekYear).padStart(4, '0')}`;
    }
    case 'month':
      return `${MONTHS[m]} ${year}`;
    case 'quarter':
      return `Q${Math.floor(m / 3) + 1} ${year}`;
    case 'year':
      return year;
  }
}

/**
 * Odoo 17: babel 2.10's week of year for en_US (first day Sunday, one day
 * makes a week): the week holding January 1st is week 1, and a week that
 * straddles the new year stays in the old one (e.g. 'W53 2026').
 */
function weekNumber17(ms: number): [number, number] {
  const d = new Date(ms);
  const dayOfYear = Math.round((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
  const pyWeekday = (d.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  const firstDay = mod(pyWeekday - 6 - dayOfYear + 1, 7);
  return [d.getUTCFullYear(), Math.floor((dayOfYear + firstDay - 1) / 7) + 1];
}

/** Odoo 19: `date_utils.weeknumber`, whose week straddling the new year is the new year's week 1. */
function weekNumber19(ms: number): [number, number] {
  const y = new Date(ms).getUTCFullYear();
  const sundayOnOrBefore = (t: number) => t - new Date(t).getUTCDay() * DAY_MS;
  if (ms >= sundayOnOrBefore(Date.UTC(y + 1, 0, 1))) return [y + 1, 1];
  return [y, Math.floor((ms - sundayOnOrBefore(Date.UTC(y, 0, 1))) / DAY_MS / 7) + 1];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The tz's offset from UTC at a UTC instant, in ms. */
function offsetAt(utcMs: number, tz: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(utcMs))) parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** pytz `localize(naive, is_dst=False)`: an ambiguous or skipped wall time takes the standard (smaller) offset. */
function localize(localMs: number, tz: string): number {
  const before = offsetAt(localMs - DAY_MS, tz);
  const after = offsetAt(localMs + DAY_MS, tz);
  const valid = [...new Set([before, after])].filter((o) => offsetAt(localMs - o, tz) === o);
  return localMs - (valid.length === 1 ? valid[0]! : Math.min(before, after));
}

function parseNaive(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/.exec(value);
  if (!m) throw new Error(`simulator: not a date: ${value}`);
  const n = m.slice(1).map((x) => Number(x ?? 0));
  return Date.UTC(n[0]!, n[1]! - 1, n[2]!, n[3]!, n[4]!, n[5]!);
}

function formatNaive(ms: number, type: DateType): string {
  return type === 'date' ? fmtDate(ms) : fmtDatetime(ms);
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
