/** Value formatting for generated records (fast: called once per order at benchmark scale). */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 'YYYY-MM-DD' (UTC). */
export function fmtDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

// Consecutive records (an order, its lines, its payments) share their seconds: remember the last few.
const SECOND_CACHE_SIZE = 8;
const cachedSeconds = new Float64Array(SECOND_CACHE_SIZE).fill(-1);
const cachedTexts: string[] = new Array(SECOND_CACHE_SIZE).fill('');
let cacheNext = 0;

/** 'YYYY-MM-DD HH:MM:SS' (UTC): an Odoo Datetime field, whole seconds. */
export function fmtDatetime(ms: number): string {
  const second = Math.floor(ms / 1000);
  for (let i = 0; i < SECOND_CACHE_SIZE; i++) if (cachedSeconds[i] === second) return cachedTexts[i]!;
  const d = new Date(second * 1000);
  const text = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(
    d.getUTCMinutes(),
  )}:${pad2(d.getUTCSeconds())}`;
  cachedSeconds[cacheNext] = second;
  cachedTexts[cacheNext] = text;
  cacheNext = (cacheNext + 1) % SECOND_CACHE_SIZE;
  return text;
}

/**
 * 'YYYY-MM-DD HH:MM:SS.ffffff': create_date/write_date as PostgreSQL keeps
 * them (`now() at time zone 'UTC'`), microseconds included. `micros` is the
 * sub-millisecond part (0-999) so values need not end in 000.
 */
export function fmtStamp(ms: number, micros = 0): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const fraction = (ms - whole) * 1000 + micros;
  return `${fmtDatetime(whole)}.${fraction < 100000 ? String(fraction).padStart(6, '0') : fraction}`;
}

export function round2(x: number): number {
  return Math.round((x + (x >= 0 ? 1e-9 : -1e-9)) * 100) / 100;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A valid EAN-13 from a 12-digit body. */
export function ean13(body: number): string {
  const digits = String(body).padStart(12, '0').slice(-12);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return digits + String((10 - (sum % 10)) % 10);
}

/** Lower-case ASCII for e-mail addresses ('Zoë Lefèvre' -> 'zoe.lefevre'). */
export function asciiSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return slug || 'contact';
}

/** A 1x1 PNG: what an image field holds, small enough to keep by the thousand. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A uuid4-shaped string from the generator's randomness. */
export function fakeUuid(next: () => number): string {
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(next() * 16).toString(16);
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`;
}
