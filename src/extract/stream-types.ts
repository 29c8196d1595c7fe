/**
 * What extracting one stream takes and gives: the run's settings, a planned
 * stream, and its counts. Apart from stream-extract.ts so that the parts it
 * calls (ranged reads, unreadable records, delete detection) import these,
 * not it.
 */
import type { LimitFunction } from 'p-limit';
import type { Domain } from '../odoo/domain.ts';
import type { StagingField } from '../db/staging.ts';
import type { SkippedRecord } from '../db/skipped-records.ts';
import type { ExtractProgress } from './progress.ts';
import type { HashKey } from './hash-fields.ts';

export interface ExtractSettings {
  readonly lookbackMinutes: number;
  /** How far Odoo's database clock (write_date) may lag its web server's Date header. */
  readonly clockSkewSeconds: number;
  readonly pageSize: number;
  /** Many2one as `[id, name]` (true) or the bare id (false): elt.yml's extract.display_names. */
  readonly displayNames: boolean;
  readonly fullRefresh: boolean;
  /** List Odoo's ids after the pass and mark raw rows whose record is gone. */
  readonly detectDeletes: boolean;
  /** Context for every read: `active_test: false`, and the user's companies. */
  readonly context: Readonly<Record<string, unknown>>;
  /**
   * The run's shared limit on page reads in flight (extract.odoo_requests):
   * every page read waits its turn there, and a pass whose first page is
   * full reads the rest that many pages at once (ranged-pass.ts). Without
   * it, one page at a time.
   */
  readonly requests?: LimitFunction;
  /** A display to tell; a pass whose first page is full then costs one `search_count` more (progress.ts). */
  readonly progress?: ExtractProgress;
  /** ELT_HASH_KEY, for streams with hash_fields (read-records.ts hashes every page with it). */
  readonly hashKey?: HashKey;
}

export interface PlannedStream {
  readonly name: string;
  readonly model: string;
  readonly domain: Domain;
  readonly fields: readonly string[];
  /** The landed fields as Odoo describes them, for the typed staging view. */
  readonly fieldTypes: readonly StagingField[];
  /** False for a model without write_date: every run rereads it whole. */
  readonly incremental: boolean;
  /** Landed fields whose values land as keyed hashes (hash-fields.ts), sorted; none by default. */
  readonly hashFields: readonly string[];
}

export interface StreamCounts {
  fetched: number;
  changed: number;
  /** Raw rows marked deleted by this run. */
  deleted: number;
  /** Records landed again by delete detection (missing from raw, or back after a delete). */
  restored: number;
  /** Records Odoo refused to read this run (skipped, retried next run: unreadable.ts). */
  unreadable: SkippedRecord[];
}
