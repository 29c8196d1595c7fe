/**
 * `elt docs`: gathers the manifest (the project's files, then the warehouse
 * when one is given, then the last run's results), lays out the graph and
 * writes the site into the project's `target/docs/`.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { rawTableName } from '../db/identifiers.ts';
import type { Pool } from '../db/pool.ts';
import type { Vars } from '../transform/compile.ts';
import type { ProjectLayout } from '../transform/project-layout.ts';
import { planTransform } from '../transform/run-transform.ts';
import { loadSingularTests } from '../transform/singular-tests.ts';
import { collectProject } from './collect.ts';
import { readLastRun, type LastRun } from './last-run.ts';
import { layoutGraph } from './layout.ts';
import type { DocNode, DocsManifest } from './manifest.ts';
import { renderSite } from './render-html.ts';
import { readWarehouse, type WarehouseFacts } from './warehouse.ts';

export interface DocsOptions {
  readonly projectDir: ProjectLayout;
  readonly vars: Vars;
  /** Every stream name (streamNames), and those elt.yml leaves on. */
  readonly streams: readonly string[];
  readonly enabledStreams: ReadonlySet<string>;
  /** The warehouse to read, or why there is none. */
  readonly warehouse: { readonly db: Pool } | { readonly note: string };
  readonly version: string;
}

export interface DocsSite {
  /** The folder written: `<project>/target/docs`. */
  readonly dir: string;
  readonly manifest: DocsManifest;
}

export async function buildDocs(options: DocsOptions): Promise<DocsSite> {
  const { project } = planTransform({ projectDir: options.projectDir, vars: options.vars, streams: options.streams });
  const singularTests = loadSingularTests(project, options.vars);
  let facts: WarehouseFacts | null = null;
  if ('db' in options.warehouse) {
    const relations = [...project.models.map((m) => m.name), ...project.seeds, ...project.staging, ...options.streams.map(rawTableName)];
    const incremental = project.models.filter((m) => m.materialized === 'incremental').map((m) => m.name);
    facts = await readWarehouse(options.warehouse.db, relations, new Map(options.streams.map((s) => [s, s])), incremental);
  }
  const collected = collectProject({ project, streams: options.streams, enabledStreams: options.enabledStreams, singularTests, vars: options.vars, ...(facts && { watermarks: facts.watermarks }) });
  const lastRun = readLastRun(options.projectDir.dir);
  const nodes = collected.nodes.map((n) => withResults(n, facts, lastRun));
  const manifest: DocsManifest = {
    generatedAt: new Date().toISOString(),
    version: options.version,
    project: basename(options.projectDir.dir),
    warehouse: facts ? { read: true, note: 'columns, row counts and freshness read from the warehouse' } : { read: false, note: 'note' in options.warehouse ? options.warehouse.note : '' },
    runResults: lastRun && { command: lastRun.command, generatedAt: lastRun.generatedAt },
    nodes,
    edges: collected.edges,
    layout: layoutGraph(nodes, collected.edges),
  };
  const dir = join(options.projectDir.dir, 'target', 'docs');
  mkdirSync(dir, { recursive: true });
  // Whole files or none: a browser reloading during a rebuild never reads half a page.
  write(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  write(join(dir, 'index.html'), renderSite(manifest));
  return { dir, manifest };
}

/** The node with what the warehouse and the last run say about it. */
function withResults(node: DocNode, facts: WarehouseFacts | null, last: LastRun | null): DocNode {
  const tests = node.tests.map((t) => {
    const r = last?.tests.get(t.name);
    return r ? { ...t, status: r.status, failures: r.failures, message: r.message } : t;
  });
  const columns = facts && node.relation ? (facts.columns.get(node.relation) ?? null) : null;
  const built = facts && node.relation ? facts.columns.has(node.relation) : null;
  if (node.id.startsWith('model/')) {
    const state = facts?.models.get(node.name);
    const ran = last?.models.get(node.name);
    const run = state
      ? { status: state.status, lastRunAt: state.lastRunAt, lastSuccessAt: state.lastSuccessAt, rowsWritten: state.rowsWritten, seconds: ran?.seconds ?? null, error: state.lastError }
      : ran ? { status: ran.status, lastRunAt: ran.startedAt, lastSuccessAt: ran.status === 'success' ? ran.startedAt : null, rowsWritten: ran.rows, seconds: ran.seconds, error: ran.message } : null;
    return { ...node, tests, columns, built, rows: state?.rows ?? null, run };
  }
  if (node.id.startsWith('stream/')) {
    const state = facts?.streams.get(node.name);
    const ran = last?.streams.get(node.name) ?? null;
    const stream = state || ran
      ? { cursor: state?.cursor ?? null, lastSuccessAt: state?.lastSuccessAt ?? null, lagSeconds: state?.lagSeconds ?? null, lastError: state?.lastError ?? null, deletedRows: state ? state.deletedRows : null, lastRun: ran }
      : null;
    return { ...node, columns, built, rows: state && built ? state.rows : null, stream };
  }
  return { ...node, tests, columns, built };
}

function write(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}
