/**
 * What an extract tells a progress display. src/extract calls these and
 * never imports the display (src/cli/progress*.ts): a terminal draws bars, a
 * pipe gets periodic log lines, a test records the calls.
 */
export interface ExtractProgress {
  /** A stream's extract begins (before its first request); optional: bars wait for the pass's size. */
  onStreamStart?(stream: string): void;
  /**
   * When each pass of a stream gets its first page (one pass per run, two
   * when it first resumes a killed pass), before that page lands: `total` is
   * what the stream will have fetched in this run once the pass ends, i.e.
   * what it fetched already plus the first page's size when it is not full,
   * else Odoo's `search_count` with the pass's domain; null when Odoo could not count
   * (`countError` says why; the pass runs all the same).
   */
  onPassStart(stream: string, total: number | null, countError?: string): void;
  /** After each landed page: the records this stream fetched so far in this run. */
  onPage(stream: string, fetched: number): void;
  /** A stream ends; `skipped` (a built-in stream this Odoo lacks) comes right after planning, with no pass. */
  onStreamEnd(stream: string, status: 'success' | 'failed' | 'skipped'): void;
}
