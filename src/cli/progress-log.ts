/**
 * Progress on a pipe or in CI: no bars, a log line per running stream (or
 * model) every `everyMs` (10 s by default), through the logger, so the lines
 * carry their figures as fields too. A timer calls tick() so a stalled
 * stream still says where it stands.
 */
import type { ExtractProgress } from '../extract/progress.ts';
import type { TransformProgress } from '../transform/progress.ts';
import { formatModelProgress, formatStreamProgress, StreamTracker, type Clock } from './progress-format.ts';

export interface ProgressLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ProgressLogOptions {
  readonly now?: Clock;
  readonly everyMs?: number;
}

interface RunningModel {
  readonly model: string;
  readonly index: number;
  readonly count: number;
  readonly startedAt: number;
}

export class ProgressLog implements ExtractProgress, TransformProgress {
  readonly #log: ProgressLogger;
  readonly #now: Clock;
  readonly #every: number;
  readonly #streams = new Map<string, StreamTracker>();
  readonly #lastLine = new Map<string, number>();
  readonly #countWarned = new Set<string>();
  #model: RunningModel | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(log: ProgressLogger, options: ProgressLogOptions = {}) {
    this.#log = log;
    this.#now = options.now ?? Date.now;
    this.#every = options.everyMs ?? 10_000;
  }

  /** Ticks every second until close(); the timer never keeps the process alive. */
  start(): this {
    this.#timer ??= setInterval(() => this.tick(), 1_000).unref();
    return this;
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  onPassStart(stream: string, total: number | null, countError?: string): void {
    const tracker = this.#tracker(stream);
    tracker.total = total;
    if (countError !== undefined && !this.#countWarned.has(stream)) {
      this.#countWarned.add(stream);
      this.#log.warn({ stream, err: countError }, `cannot count ${stream} for its progress (extracting it all the same): ${countError}`);
    }
  }

  onPage(stream: string, fetched: number): void {
    this.#tracker(stream).fetched = fetched;
    this.tick();
  }

  onStreamEnd(stream: string, _status?: 'success' | 'failed' | 'skipped'): void {
    this.#streams.delete(stream);
    this.#lastLine.delete(stream);
  }

  onModelStart(model: string, index: number, count: number): void {
    this.#model = { model, index, count, startedAt: this.#now() };
    this.#lastLine.set(`model:${model}`, this.#model.startedAt);
  }

  onModelEnd(model: string, _status?: 'success' | 'failed' | 'skipped'): void {
    if (this.#model?.model === model) this.#model = null;
    this.#lastLine.delete(`model:${model}`);
  }

  /** Logs each running stream or model whose last line is `everyMs` old (the first comes `everyMs` after its start). */
  tick(): void {
    const now = this.#now();
    for (const tracker of this.#streams.values()) {
      if (!this.#due(tracker.stream, now)) continue;
      const s = tracker.snapshot(now);
      const fields = { stream: s.stream, fetched: s.fetched, total: s.total, perSecond: Math.round(s.rate), etaSeconds: s.etaSeconds === null ? null : Math.round(s.etaSeconds) };
      this.#log.info(fields, formatStreamProgress(s));
    }
    const m = this.#model;
    if (m && this.#due(`model:${m.model}`, now)) {
      const seconds = Math.round((now - m.startedAt) / 1000);
      this.#log.info({ model: m.model, seconds }, formatModelProgress(m.model, m.index, m.count, seconds));
    }
  }

  #due(key: string, now: number): boolean {
    const last = this.#lastLine.get(key) ?? now;
    if (!this.#lastLine.has(key)) this.#lastLine.set(key, now);
    if (now - last < this.#every) return false;
    this.#lastLine.set(key, now);
    return true;
  }

  #tracker(stream: string): StreamTracker {
    let tracker = this.#streams.get(stream);
    if (!tracker) {
      tracker = new StreamTracker(stream, this.#now());
      this.#streams.set(stream, tracker);
      this.#lastLine.set(stream, tracker.startedAt);
    }
    return tracker;
  }
}
