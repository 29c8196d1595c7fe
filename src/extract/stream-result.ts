/** What the extract of one stream came to: the summary's line, run_results.json's entry, the library's result. */
export interface StreamResult {
  readonly stream: string;
  readonly status: 'success' | 'failed' | 'skipped';
  readonly fetched: number;
  readonly changed: number;
  /** Raw rows marked deleted (delete detection ran when asked, on a full refresh, and for streams without write_date). */
  readonly deleted: number;
  readonly restored: number;
  /** Records Odoo refused to read: skipped, listed in elt_skipped_records, retried next run. */
  readonly unreadable: number;
  readonly seconds: number;
  readonly error?: string;
}
