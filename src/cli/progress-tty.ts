/**
 * Progress on a terminal: one live bar per running stream, then one for the
 * transform's models, drawn by cli-progress's MultiBar (several bars
 * redrawn together, log lines printed above them, nothing drawn when the
 * stream is not a TTY). A finished stream's bar goes away: its "extracted"
 * log line and the summary say the rest. While bars are up, the logger's
 * lines go through the MultiBar so they do not tear the bars.
 */
import cliProgress from 'cli-progress';
import type { ExtractProgress } from '../extract/progress.ts';
import type { TransformProgress } from '../transform/progress.ts';
import { divertTerminalLog } from './logger.ts';
import { formatCount, formatDuration, formatStreamProgress, StreamTracker, type Clock } from './progress-format.ts';
import type { ProgressLogger } from './progress-log.ts';

const NAME_WIDTH = 20;
const BAR_WIDTH = 24;

interface Line {
  render(now: number): { label: string; progress: number; text: string };
}

export class TerminalProgress implements ExtractProgress, TransformProgress {
  readonly #log: ProgressLogger;
  readonly #now: Clock;
  readonly #stream: NodeJS.WriteStream;
  readonly #bars = new Map<string, cliProgress.SingleBar>();
  readonly #trackers = new Map<string, StreamTracker>();
  readonly #countWarned = new Set<string>();
  #multi: cliProgress.MultiBar | null = null;
  /** The transform: models running now (with threads, several) by start time, and how many ended. */
  #models: { running: Map<string, number>; count: number; done: number } | null = null;

  constructor(log: ProgressLogger, stream: NodeJS.WriteStream = process.stderr, now: Clock = Date.now) {
    this.#log = log;
    this.#stream = stream;
    this.#now = now;
  }

  onPassStart(stream: string, total: number | null, countError?: string): void {
    const tracker = this.#tracker(stream);
    tracker.total = total;
    if (countError !== undefined && !this.#countWarned.has(stream)) {
      this.#countWarned.add(stream);
      this.#log.warn({ stream, err: countError }, `cannot count ${stream} for its progress (extracting it all the same): ${countError}`);
    }
    // A pass with nothing to read ends at once: a bar created and removed in the same moment is
    // left drawn by cli-progress on some terminals (seen in tmux), and shows nothing anyway.
    if (total === 0) return;
    this.#bar(stream, { render: (now) => this.#streamLine(tracker, now) });
  }

  onPage(stream: string, fetched: number): void {
    this.#tracker(stream).fetched = fetched;
    this.#bars.get(stream)?.update(fetched);
  }

  onStreamEnd(stream: string, _status?: 'success' | 'failed' | 'skipped'): void {
    this.#trackers.delete(stream);
    this.#drop(stream);
  }

  onModelStart(model: string, _index: number, count: number): void {
    this.#models ??= { running: new Map(), count, done: 0 };
    this.#models.running.set(model, this.#now());
    this.#bar('transform', { render: (now) => this.#modelLine(now) });
  }

  onModelEnd(model: string, _status?: 'success' | 'failed' | 'skipped'): void {
    if (this.#models?.running.delete(model)) this.#models.done++;
  }

  /** Clears the bars, prints what the logger wrote meanwhile, and gives the terminal back to the logger. */
  close(): void {
    if (!this.#multi) return;
    this.#multi.update();
    this.#multi.stop();
    this.#multi = null;
    this.#bars.clear();
    divertTerminalLog(null);
  }

  #bar(key: string, line: Line): cliProgress.SingleBar {
    const existing = this.#bars.get(key);
    if (existing) return existing;
    if (!this.#multi) {
      const multi = new cliProgress.MultiBar({
        stream: this.#stream,
        format: (_options, _params, payload: { line: Line }) => this.#format(payload.line),
        fps: 4,
        clearOnComplete: true,
        // No SIGINT handler (it would stop Ctrl-C from ending elt) and so no hidden cursor to restore.
        gracefulExit: false,
        hideCursor: false,
        autopadding: true,
        // Keep the terminal's wrapping: a long warning printed above the bars wraps instead of being cut (bars are cut to fit).
        linewrap: true,
      });
      divertTerminalLog((text) => multi.log(text));
      this.#multi = multi;
    }
    const bar = this.#multi.create(1, 0, { line });
    this.#bars.set(key, bar);
    return bar;
  }

  #drop(key: string): void {
    const bar = this.#bars.get(key);
    if (!bar || !this.#multi) return;
    this.#bars.delete(key);
    this.#multi.remove(bar);
  }

  #format(line: Line): string {
    const { label, progress, text } = line.render(this.#now());
    const name = label.padEnd(NAME_WIDTH);
    // A narrow terminal shortens the bar first, then drops it, then cuts the text.
    const columns = this.#stream.columns || 80; // 0 when the terminal does not say
    const room = columns - 1 - name.length - text.length - 2;
    const width = room >= 8 ? Math.min(BAR_WIDTH, room) : 0;
    const done = Math.max(0, Math.min(width, Math.round(progress * width)));
    const full = width ? `${name} ${'█'.repeat(done)}${'░'.repeat(width - done)} ${text}` : `${name} ${text}`;
    return full.length >= columns ? full.slice(0, columns - 1) : full;
  }

  #streamLine(tracker: StreamTracker, now: number): { label: string; progress: number; text: string } {
    const s = tracker.snapshot(now);
    const text = formatStreamProgress(s).slice(s.stream.length + 1);
    return { label: s.stream, progress: s.total ? s.fetched / s.total : 0, text };
  }

  /** `21/26 models, fact_sales 3 s +2`: the longest-running model names the line, the others are counted. */
  #modelLine(now: number): { label: string; progress: number; text: string } {
    const m = this.#models;
    if (!m) return { label: 'transform', progress: 0, text: '' };
    const [oldest] = [...m.running].sort((a, b) => a[1] - b[1]);
    const more = m.running.size > 1 ? ` +${m.running.size - 1}` : '';
    const running = oldest ? `, ${oldest[0]} ${formatDuration((now - oldest[1]) / 1000)}${more}` : '';
    return { label: 'transform', progress: m.done / m.count, text: `${formatCount(m.done)}/${formatCount(m.count)} models${running}` };
  }

  #tracker(stream: string): StreamTracker {
    let tracker = this.#trackers.get(stream);
    if (!tracker) {
      tracker = new StreamTracker(stream, this.#now());
      this.#trackers.set(stream, tracker);
    }
    return tracker;
  }
}
