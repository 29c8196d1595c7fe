/** What one model's build came to: the summary's line, run_results.json's entry, the library's result. */
import type { Materialization } from './model-file.ts';

export interface ModelResult {
  readonly model: string;
  readonly materialized: Materialization;
  readonly status: 'success' | 'failed' | 'skipped';
  /** Rows written; null for views. */
  readonly rows: number | null;
  readonly seconds: number;
  readonly error?: string;
  /** When it started and how long it took, to the millisecond (run artifacts). */
  readonly startedAt?: string;
  readonly ms?: number;
  /** The SELECT as the run executed it; absent when the model did not get that far. */
  readonly sql?: string;
}
