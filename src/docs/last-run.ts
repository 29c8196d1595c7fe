/**
 * The last command's results, from `target/run_results.json` (written by
 * src/cli/run-results.ts): each test's outcome, each model's time, each
 * stream's figures. Each command rewrites the file, so after `elt run` it
 * holds models and streams and after `elt test` the tests; what it does not
 * hold is shown as not run. A missing or unreadable file is no results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LastRun {
  readonly command: string;
  readonly generatedAt: string;
  readonly tests: ReadonlyMap<string, { status: 'pass' | 'fail' | 'error'; failures: number | null; message: string | null }>;
  readonly models: ReadonlyMap<string, { status: string; seconds: number | null; rows: number | null; message: string | null; startedAt: string | null }>;
  readonly streams: ReadonlyMap<string, { status: string; fetched: number; changed: number; deleted: number; seconds: number }>;
}

export function readLastRun(projectDir: string): LastRun | null {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(join(projectDir, 'target', 'run_results.json'), 'utf8'));
  } catch {
    return null;
  }
  if (!isObject(doc) || !isObject(doc.metadata) || !Array.isArray(doc.results)) return null;
  const tests = new Map<string, { status: 'pass' | 'fail' | 'error'; failures: number | null; message: string | null }>();
  const models = new Map<string, { status: string; seconds: number | null; rows: number | null; message: string | null; startedAt: string | null }>();
  for (const r of doc.results) {
    if (!isObject(r) || typeof r.unique_id !== 'string') continue;
    const message = typeof r.message === 'string' ? r.message : null;
    if (r.unique_id.startsWith('test.') && (r.status === 'pass' || r.status === 'fail' || r.status === 'error')) {
      tests.set(r.unique_id.slice('test.'.length), { status: r.status, failures: num(r.failures), message });
    } else if (r.unique_id.startsWith('model.') && typeof r.status === 'string') {
      const rows = isObject(r.adapter_response) ? num(r.adapter_response.rows_affected) : null;
      const timing = Array.isArray(r.timing) && isObject(r.timing[0]) && typeof r.timing[0].started_at === 'string' ? r.timing[0].started_at : null;
      models.set(r.unique_id.slice('model.'.length), { status: r.status, seconds: num(r.execution_time), rows, message, startedAt: timing });
    }
  }
  const streams = new Map<string, { status: string; fetched: number; changed: number; deleted: number; seconds: number }>();
  for (const s of Array.isArray(doc.streams) ? doc.streams : []) {
    if (!isObject(s) || typeof s.stream !== 'string' || typeof s.status !== 'string') continue;
    streams.set(s.stream, { status: s.status, fetched: num(s.fetched) ?? 0, changed: num(s.changed) ?? 0, deleted: num(s.deleted) ?? 0, seconds: num(s.execution_time) ?? 0 });
  }
  const meta = doc.metadata;
  return {
    command: typeof meta.command === 'string' ? meta.command : 'unknown',
    generatedAt: typeof meta.generated_at === 'string' ? meta.generated_at : '',
    tests,
    models,
    streams,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
