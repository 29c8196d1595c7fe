import { mkdtempSync, appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendedSince, logSize, parseOdooLogLine, sumOdooLog } from '../../bench/odoo-log.ts';

// Lines in Odoo 17's default format (odoo/netsvc.py: message, then perf_info).
const REQUEST = '2026-12-06 10:00:00,123 4242 INFO odoo_demo werkzeug: 127.0.0.1 - - [06/Dec/2026 10:00:00] "POST /jsonrpc HTTP/1.1" 200 - 4 0.006 0.028';
const XMLRPC = '2026-12-06 10:00:01,456 4242 INFO odoo_demo werkzeug: 127.0.0.1 - - [06/Dec/2026 10:00:01] "POST /xmlrpc/2/object HTTP/1.1" 200 - 12 0.150 1.250';

describe('parseOdooLogLine', () => {
  it('reads query count, SQL and Python seconds from a request line', () => {
    expect(parseOdooLogLine(REQUEST)).toEqual({ queries: 4, sqlSeconds: 0.006, pythonSeconds: 0.028 });
  });

  it('ignores lines without figures, other lines logged during a request, and tracebacks', () => {
    expect(parseOdooLogLine('2026-12-06 10:00:00,123 4242 INFO ? werkzeug: 127.0.0.1 - - [..] "GET /web/version HTTP/1.1" 200 - - - -')).toBeNull();
    expect(parseOdooLogLine('2026-12-06 10:00:00,123 4242 WARNING odoo_demo odoo.models: something 3 0.010 0.020')).toBeNull();
    expect(parseOdooLogLine('Traceback (most recent call last):')).toBeNull();
  });

  it('reads a line coloured for a terminal', () => {
    const coloured = REQUEST.replace('4 0.006 0.028', '\x1b[1;32m4\x1b[0m \x1b[1;32m0.006\x1b[0m \x1b[1;32m0.028\x1b[0m');
    expect(parseOdooLogLine(coloured)).toEqual({ queries: 4, sqlSeconds: 0.006, pythonSeconds: 0.028 });
  });
});

describe('sumOdooLog', () => {
  it('sums the request lines', () => {
    const figures = sumOdooLog([REQUEST, 'noise', XMLRPC, ''].join('\n'));
    expect(figures.requests).toBe(2);
    expect(figures.queries).toBe(16);
    expect(figures.sqlSeconds).toBeCloseTo(0.156);
    expect(figures.pythonSeconds).toBeCloseTo(1.278);
  });
});

describe('appendedSince', () => {
  it('returns only what was appended after the offset, or the whole file after a rotation', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'odoo-log-')), 'odoo.log');
    writeFileSync(path, `${REQUEST}\n`);
    const before = await logSize(path);
    appendFileSync(path, `${XMLRPC}\n`);
    expect(sumOdooLog(await appendedSince(path, before, 0)).queries).toBe(12);
    writeFileSync(path, `${REQUEST}\n`.slice(0, 20)); // shrank: rotated
    expect(await appendedSince(path, before + 500, 0)).toBe(`${REQUEST}\n`.slice(0, 20));
  });
});
