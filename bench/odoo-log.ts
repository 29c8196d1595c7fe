/**
 * Odoo's own time, from its server log (ODOO_LOG): with the default log
 * format every request's werkzeug line ends with Odoo's perf figures, query
 * count, SQL seconds and the remaining (mostly Python) seconds, e.g.
 *   ... werkzeug: 127.0.0.1 - - [...] "POST /jsonrpc HTTP/1.1" 200 - 4 0.006 0.028
 * Summing them over the lines a run appended says how much of its wall Odoo
 * spent working, whatever the client did meanwhile.
 */
import { open, stat } from 'node:fs/promises';

export interface OdooLogFigures {
  /** Request lines that carried figures. */
  readonly requests: number;
  readonly queries: number;
  readonly sqlSeconds: number;
  readonly pythonSeconds: number;
}

// The request line only: Odoo appends the same three figures to any other line logged while
// a request runs (a warning, say), which would count that request twice.
const REQUEST_LINE = /"[A-Z]+ \S+ HTTP\/[\d.]+" \d{3} \S+ (\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/;
// Odoo colours its figures when it logs to a terminal; a log file redirected from one keeps the codes.
const ANSI = /\x1b\[[0-9;]*m/g;

/** The figures of one log line, or null when it is not a request line with figures ("- - -" outside a request). */
export function parseOdooLogLine(line: string): { queries: number; sqlSeconds: number; pythonSeconds: number } | null {
  const match = REQUEST_LINE.exec(line.replace(ANSI, ''));
  if (!match) return null;
  return { queries: Number(match[1]), sqlSeconds: Number(match[2]), pythonSeconds: Number(match[3]) };
}

export function sumOdooLog(text: string): OdooLogFigures {
  let requests = 0, queries = 0, sqlSeconds = 0, pythonSeconds = 0;
  for (const line of text.split('\n')) {
    const figures = parseOdooLogLine(line);
    if (!figures) continue;
    requests++;
    queries += figures.queries;
    sqlSeconds += figures.sqlSeconds;
    pythonSeconds += figures.pythonSeconds;
  }
  return { requests, queries, sqlSeconds, pythonSeconds };
}

/** A place in the log: its size now. Read before a run, then `appendedSince` after it. */
export async function logSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

/**
 * What Odoo appended since `offset`. Werkzeug logs a request after answering it, so the
 * last line may land a moment after the client is done: wait `settleMs` first. A log that
 * shrank was rotated or truncated: read it whole (the lines before that are lost).
 */
export async function appendedSince(path: string, offset: number, settleMs = 300): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const size = await logSize(path);
  const from = size < offset ? 0 : offset;
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(size - from);
    await file.read(buffer, 0, buffer.length, from);
    return buffer.toString('utf8');
  } finally {
    await file.close();
  }
}

export function formatOdooLog(figures: OdooLogFigures): string {
  const { requests, queries, sqlSeconds, pythonSeconds } = figures;
  return `Odoo's own time (ODOO_LOG): ${(sqlSeconds + pythonSeconds).toFixed(2)} s = SQL ${sqlSeconds.toFixed(2)} s + Python ${pythonSeconds.toFixed(2)} s over ${requests.toLocaleString('en-US')} logged requests, ${queries.toLocaleString('en-US')} queries`;
}
