/** `elt verify`'s output: an aligned table (check, warehouse, odoo, status), the differing ids, a count line; or JSON. */
import type { SumVerdict, VerifyReport } from './run-verify.ts';
import type { IdSample, StreamVerdict } from './verify-stream.ts';

const KINDS = [
  ['missing', 'in Odoo, missing from raw'],
  ['extra', 'in raw, gone from Odoo'],
  ['changed', 'differ (write_date or a summed field)'],
] as const;

export function formatVerifyReport(report: VerifyReport): string {
  const rows: string[][] = [
    ...report.streams.map((s) => [s.stream, count(s.warehouse), count(s.odoo), s.status]),
    ...report.sums.map((s) => [s.label, amount(s.warehouse), amount(s.odoo), s.status]),
  ];
  const header = ['check', 'warehouse', 'odoo', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => [r[0]!.padEnd(widths[0]!), r[1]!.padStart(widths[1]!), r[2]!.padStart(widths[2]!), r[3]!].join('  ');
  const details = [...report.streams.flatMap(streamDetails), ...report.sums.flatMap(sumDetails)];
  const checks = [...report.streams, ...report.sums];
  const tally = (['ok', 'drift', 'failed', 'skipped'] as const)
    .map((status) => [status, checks.filter((c) => c.status === status).length] as const)
    .filter(([status, n]) => n > 0 || status === 'ok')
    .map(([status, n]) => `${n} ${status}`);
  return [line(header), ...rows.map(line), ...(details.length ? ['', ...details] : []), `${checks.length} check${checks.length === 1 ? '' : 's'}: ${tally.join(', ')}`].join('\n');
}

export function verifyReportJson(report: VerifyReport): string {
  return JSON.stringify(
    {
      ok: report.ok,
      streams: report.streams.map(({ stream, status, warehouse, odoo, missing, extra, changed, error }) => ({ stream, status, warehouse, odoo, missing, extra, changed, ...(error ? { error } : {}) })),
      sums: report.sums.map(({ label, odooField, status, warehouse, odoo, error }) => ({ check: label, odoo_field: odooField, status, warehouse, odoo, ...(error ? { error } : {}) })),
    },
    null,
    2,
  );
}

function streamDetails(s: StreamVerdict): string[] {
  if (s.error) return [`${s.stream}: ${s.status}: ${s.error}`];
  return KINDS.flatMap(([kind, what]) => (s[kind].count ? [`${s.stream}: ${s[kind].count.toLocaleString('en-US')} ${what}: ${ids(s[kind])}`] : []));
}

function sumDetails(s: SumVerdict): string[] {
  return s.error ? [`${s.label}: ${s.status}: ${s.error}`] : [];
}

function ids(sample: IdSample): string {
  const more = sample.count - sample.ids.length;
  return `${sample.ids.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`;
}

function count(n: number | null): string {
  return n === null ? '-' : n.toLocaleString('en-US');
}

/** Numeric text with thousands separators, digits untouched: 1234567.80 -> 1,234,567.80. */
function amount(text: string | null): string {
  if (text === null) return '-';
  const [whole, fraction] = text.split('.');
  return `${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}
