/**
 * What `elt docs` knows about the project, as one JSON document: the site's
 * script draws every page from it. Built in steps: the project's files
 * (collect.ts), then the warehouse (warehouse.ts) and the last run
 * (run-results.ts), then the graph's positions (layout.ts).
 */

/** The columns of the overview graph, left to right, in this order. */
export const DOC_KINDS = ['stream', 'staging', 'seed', 'dimension', 'snapshot', 'fact', 'model'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export interface DocColumn {
  readonly name: string;
  /** PostgreSQL's type, as format_type() writes it: `numeric(14,2)`, `timestamp with time zone`. */
  readonly type: string;
  /** A column comment, or Odoo's label and type for a staging view's field. */
  readonly description: string | null;
}

export interface DocTest {
  /** As `elt test` names it: `fact_sales.order_id not_null`, or a singular test's file name. */
  readonly name: string;
  /** `not_null`, `unique`, `relationships`, `accepted_values` or `singular`. */
  readonly kind: string;
  readonly column: string | null;
  readonly path: string;
  /** Its last result in target/run_results.json, or null when the last command did not run it. */
  readonly status: 'pass' | 'fail' | 'error' | null;
  readonly failures: number | null;
  readonly message: string | null;
}

/** A model's latest run: elt_model_state, and run_results.json when the last command built it. */
export interface DocModelRun {
  readonly status: string;
  readonly lastRunAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly rowsWritten: number | null;
  readonly seconds: number | null;
  readonly error: string | null;
}

/** A stream's extract state: elt_stream_state, and run_results.json when the last command was elt run. */
export interface DocStreamState {
  readonly cursor: string | null;
  readonly lastSuccessAt: string | null;
  readonly lagSeconds: number | null;
  readonly lastError: string | null;
  readonly deletedRows: number | null;
  /** The last `elt run`'s figures for it, from run_results.json. */
  readonly lastRun: { readonly status: string; readonly fetched: number; readonly changed: number; readonly deleted: number; readonly seconds: number } | null;
}

export interface DocNode {
  /** Also its page's route: `model/fact_sales`, `stream/pos.order`, `staging/stg_pos_order`, `seed/seed_branch_codes`. */
  readonly id: string;
  readonly kind: DocKind;
  /** The table, view or stream name shown. */
  readonly name: string;
  readonly description: string;
  /** The relation it reads or writes in the warehouse; null for none. */
  readonly relation: string | null;
  readonly path: string | null;
  readonly materialized: string | null;
  readonly uniqueKey: readonly string[];
  readonly tags: readonly string[];
  /** The model's SELECT as written (placeholders kept). */
  readonly source: string | null;
  /** The compiled SQL, and which form it is (`incremental, from the watermarks`, `full refresh`). */
  readonly sql: string | null;
  readonly sqlNote: string | null;
  readonly tests: readonly DocTest[];
  /** From the warehouse: null when it was not read, or the relation is not built yet. */
  readonly columns: readonly DocColumn[] | null;
  /** Whether the relation exists in the warehouse; null when the warehouse was not read. */
  readonly built: boolean | null;
  /** Rows in the table now (live raw rows for a stream); null for views or when unknown. */
  readonly rows: number | null;
  readonly run: DocModelRun | null;
  readonly stream: DocStreamState | null;
}

export interface DocEdge {
  readonly from: string;
  readonly to: string;
}

export interface LaidOutNode {
  readonly id: string;
  /** Centre, as dagre gives it. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The column it was placed in (0 = leftmost). */
  readonly rank: number;
}

export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LaidOutNode[];
  /** Each edge's route, from the source's border to the target's, bending around the nodes between. */
  readonly edges: ReadonlyArray<DocEdge & { readonly points: ReadonlyArray<{ readonly x: number; readonly y: number }> }>;
}

export interface DocsManifest {
  readonly generatedAt: string;
  readonly version: string;
  /** The project folder's name, for the title. */
  readonly project: string;
  /** Whether columns, row counts and freshness were read, and if not, why. */
  readonly warehouse: { readonly read: boolean; readonly note: string };
  /** The run_results.json the test results and run figures come from. */
  readonly runResults: { readonly command: string; readonly generatedAt: string } | null;
  readonly nodes: readonly DocNode[];
  readonly edges: readonly DocEdge[];
  readonly layout: GraphLayout;
}
