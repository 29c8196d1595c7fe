import { describe, expect, it } from 'vitest';
import { formatTestReport } from '../../src/cli/test-report.ts';
import type { TestResult } from '../../src/transform/data-tests.ts';

const none = { columns: [], rows: [] };

describe('the elt test report', () => {
  it('with --verbose: one aligned line per test, then each failure with its sample, then the counts', () => {
    const results: TestResult[] = [
      { name: 'dim_x.id unique', path: 'sql/marts/dim_x.sql', status: 'pass', failures: 0, placeholders: 0, seconds: 0.04, sample: none },
      { name: 'fact_y.x_id relationships(dim_x.id)', path: 'sql/marts/fact_y.sql', status: 'pass', failures: 0, placeholders: 1, seconds: 0.1, sample: none },
      {
        name: 'fact_y.note not_null', path: 'sql/marts/fact_y.sql', status: 'fail', failures: 1234, placeholders: 0, seconds: 1.25,
        sample: { columns: ['line_id', 'note'], rows: [['7', null], ['10', `two\nlines ${'x'.repeat(60)}`]] },
      },
      { name: 'totals', path: 'sql/tests/totals.sql', status: 'error', failures: 0, placeholders: 0, seconds: 0, sample: none, error: 'division by zero' },
    ];
    expect(formatTestReport(results, { verbose: true })).toBe([
      'PASS  dim_x.id unique                      0 failures      0.0 s',
      'PASS  fact_y.x_id relationships(dim_x.id)  0 failures      0.1 s  warning: 1 row points at a placeholder',
      'FAIL  fact_y.note not_null                 1,234 failures  1.3 s',
      'ERROR totals                               division by zero',
      '',
      'fact_y.note not_null: 1,234 failing rows, the first 2 (sql/marts/fact_y.sql)',
      '  line_id  note',
      '  7        null',
      `  10       two\\nlines ${'x'.repeat(28)}…`,
      '',
      '4 tests: 2 passed, 1 failed, 1 error, 1 with placeholder warnings',
    ].join('\n'));
  });

  it('by default: the tests that failed, erred or warned, their samples, and the passes counted', () => {
    const results: TestResult[] = [
      ...Array.from({ length: 80 }, (_, i): TestResult => ({ name: `dim_${i}.id unique`, path: `sql/marts/dim_${i}.sql`, status: 'pass', failures: 0, placeholders: 0, seconds: 0.01, sample: none })),
      { name: 'fact_y.x_id relationships(dim_x.id)', path: 'sql/marts/fact_y.sql', status: 'pass', failures: 0, placeholders: 2, seconds: 0.1, sample: none },
      { name: 'fact_y.note not_null', path: 'sql/marts/fact_y.sql', status: 'fail', failures: 1, placeholders: 0, seconds: 0.2, sample: { columns: ['line_id'], rows: [['7']] } },
    ];
    expect(formatTestReport(results)).toBe([
      'PASS  fact_y.x_id relationships(dim_x.id)  0 failures  0.1 s  warning: 2 rows point at placeholders',
      'FAIL  fact_y.note not_null                 1 failure   0.2 s',
      '',
      'fact_y.note not_null: 1 failing row (sql/marts/fact_y.sql)',
      '  line_id',
      '  7',
      '',
      '82 tests: 81 passed, 1 failed, 1 with placeholder warnings',
    ].join('\n'));
    expect(formatTestReport(results.slice(0, 80))).toBe('80 tests: 80 passed, 0 failed');
  });

  it('no tests at all', () => {
    expect(formatTestReport([])).toBe('0 tests: 0 passed, 0 failed');
  });
});
