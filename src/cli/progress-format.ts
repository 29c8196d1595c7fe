/**
 * Progress arithmetic and wording shared by the terminal bars and the log
 * lines: records so far, the rate since the stream started, the time left.
 */

/** Milliseconds since some origin; injected so tests control time. */
export type Clock = () => number;

export interface StreamSnapshot {
  readonly stream: string;
  readonly fetched: number;
  /** Records the stream will have fetched at the end of its pass; null when Odoo could not count. */
  readonly total: number | null;
  /** Records per second since the stream started. */
  readonly rate: number;
  /** Seconds left at that rate; null when unknown (no total, no rate yet, or done). */
  readonly etaSeconds: number | null;
}

/** One stream's counts, kept from its first pass to its end. */
export class StreamTracker {
  readonly stream: string;
  readonly startedAt: number;
  fetched = 0;
  total: number | null = null;

  constructor(stream: string, startedAt: number) {
    this.stream = stream;
    this.startedAt = startedAt;
  }

  snapshot(now: number): StreamSnapshot {
    const seconds = (now - this.startedAt) / 1000;
    const rate = seconds > 0 ? this.fetched / seconds : 0;
    const left = this.total === null ? null : this.total - this.fetched;
    const etaSeconds = left === null || left <= 0 || rate <= 0 ? null : left / rate;
    return { stream: this.stream, fetched: this.fetched, total: this.total, rate, etaSeconds };
  }
}

/** `pos.order.line 120,000/1,002,101 records, 18,300/s, ETA 48 s` (no total: `120,000 records, 18,300/s`). */
export function formatStreamProgress(s: StreamSnapshot): string {
  const counts = s.total === null ? formatCount(s.fetched) : `${formatCount(s.fetched)}/${formatCount(s.total)}`;
  const eta = s.etaSeconds === null ? '' : `, ETA ${formatDuration(s.etaSeconds)}`;
  return `${s.stream} ${counts} records, ${formatRate(s.rate)}/s${eta}`;
}

/** `fact_sales_lines running for 20 s (model 12 of 40)`. */
export function formatModelProgress(model: string, index: number, count: number, seconds: number): string {
  return `${model} running for ${formatDuration(seconds)} (model ${index + 1} of ${count})`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Three significant digits, so the figure does not flicker: 18,312 -> 18,300; 523.4 -> 523. */
export function formatRate(perSecond: number): string {
  if (perSecond <= 0) return '0';
  return formatCount(Number(perSecond.toPrecision(3)));
}

/** `48 s`, `3 min 12 s`, `2 h 5 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
