/**
 * What `elt test` prints: a line per test that failed, erred or warned (every
 * test with --verbose), the failing samples, then a count line.
 */
import type { TestResult } from '../transform/data-tests.ts';
import { alignColumns, plural } from './text.ts';

const MAX_VALUE = 40; // characters of one sample value; longer ones are cut with …

export function formatTestReport(results: readonly TestResult[], options: { readonly verbose?: boolean } = {}): string {
  const listed = options.verbose ? results : results.filter((r) => r.status !== 'pass' || r.placeholders > 0);
  const width = Math.max(4, ...listed.map((r) => r.name.length));
  const counts = listed.map((r) => (r.status === 'error' ? '' : plural(r.failures, 'failure')));
  const countWidth = Math.max(0, ...counts.map((c) => c.length));
  const lines = listed.map((r, i) => {
    const head = `${r.status === 'pass' ? 'PASS ' : r.status === 'fail' ? 'FAIL ' : 'ERROR'} ${r.name.padEnd(width)}`;
    if (r.status === 'error') return `${head}  ${r.error ?? ''}`;
    const warning = r.placeholders ? `  warning: ${plural(r.placeholders, 'row')} ${r.placeholders === 1 ? 'points at a placeholder' : 'point at placeholders'}` : '';
    return `${head}  ${counts[i]!.padEnd(countWidth)}  ${r.seconds.toFixed(1)} s${warning}`;
  });
  for (const r of results.filter((x) => x.status === 'fail')) {
    const shown = r.sample.rows.length < r.failures ? `, the first ${r.sample.rows.length}` : '';
    lines.push('', `${r.name}: ${plural(r.failures, 'failing row')}${shown} (${r.path})`, ...table(r.sample.columns, r.sample.rows));
  }
  const n = (status: TestResult['status']) => results.filter((r) => r.status === status).length;
  const warned = results.filter((r) => r.placeholders > 0).length;
  const parts = [`${n('pass')} passed`, `${n('fail')} failed`, n('error') && plural(n('error'), 'error'), warned && `${warned} with placeholder warnings`];
  lines.push(`${lines.length === 0 ? '' : '\n'}${plural(results.length, 'test')}: ${parts.filter(Boolean).join(', ')}`);
  return lines.join('\n');
}

/** The sample: columns padded to their widest value, two spaces apart, indented. */
function table(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>): string[] {
  return alignColumns([columns, ...rows.map((row) => row.map(show))]).map((line) => `  ${line}`);
}

function show(value: string | null): string {
  if (value === null) return 'null';
  const flat = value.replace(/\r?\n/g, '\\n');
  return flat.length > MAX_VALUE ? `${flat.slice(0, MAX_VALUE - 1)}…` : flat;
}
