import { describe, expect, it } from 'vitest';
import { ProgressLog } from '../../src/cli/progress-log.ts';
import { formatDuration, formatRate, formatStreamProgress } from '../../src/cli/progress-format.ts';

function recorder() {
  const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, info: at('info'), warn: at('warn') };
}

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('progress wording', () => {
  it('says records, rate and time left as in the README', () => {
    expect(formatStreamProgress({ stream: 'pos.order.line', fetched: 120_000, total: 1_002_101, rate: 18_312.4, etaSeconds: 48.2 })).toBe(
      'pos.order.line 120,000/1,002,101 records, 18,300/s, ETA 48 s',
    );
    expect(formatStreamProgress({ stream: 'res.partner', fetched: 2_000, total: null, rate: 523.4, etaSeconds: null })).toBe('res.partner 2,000 records, 523/s');
    expect(formatStreamProgress({ stream: 'res.partner', fetched: 0, total: 5, rate: 0, etaSeconds: null })).toBe('res.partner 0/5 records, 0/s');
  });

  it('rounds rates to three digits and durations to seconds, minutes or hours', () => {
    expect([formatRate(0), formatRate(9.46), formatRate(999.6), formatRate(1_234_567)]).toEqual(['0', '9', '1,000', '1,230,000']);
    expect([formatDuration(0.4), formatDuration(59.6), formatDuration(192), formatDuration(7_500)]).toEqual(['0 s', '1 min 0 s', '3 min 12 s', '2 h 5 min']);
  });
});

describe('progress as log lines (a pipe or CI)', () => {
  it('logs each running stream at most once per 10 s, the first 10 s after it started, with its figures as fields', () => {
    const clock = manualClock();
    const log = recorder();
    const progress = new ProgressLog(log, { now: clock.now });
    progress.onPassStart('pos.order.line', 1_000_000);
    clock.advance(4_000);
    progress.onPage('pos.order.line', 80_000);
    clock.advance(5_999);
    progress.onPage('pos.order.line', 190_000);
    expect(log.lines).toEqual([]);
    clock.advance(1);
    progress.onPage('pos.order.line', 200_000); // 10 s in: 20,000/s, 800,000 left
    clock.advance(3_000);
    progress.onPage('pos.order.line', 260_000);
    progress.tick();
    expect(log.lines).toEqual([
      {
        level: 'info',
        obj: { stream: 'pos.order.line', fetched: 200_000, total: 1_000_000, perSecond: 20_000, etaSeconds: 40 },
        msg: 'pos.order.line 200,000/1,000,000 records, 20,000/s, ETA 40 s',
      },
    ]);
    clock.advance(7_000); // 20 s in, no page since: the timer's tick still reports
    progress.tick();
    expect(log.lines.at(-1)!.msg).toBe('pos.order.line 260,000/1,000,000 records, 13,000/s, ETA 57 s');
    expect(log.lines).toHaveLength(2);
  });

  it('keeps one clock per stream, forgets ended streams and warns once when Odoo cannot count', () => {
    const clock = manualClock();
    const log = recorder();
    const progress = new ProgressLog(log, { now: clock.now });
    progress.onPassStart('pos.order', 100);
    clock.advance(5_000);
    progress.onPassStart('res.partner', null, 'Odoo refused search_count');
    progress.onPassStart('res.partner', null, 'Odoo refused search_count'); // a second pass: no second warning
    progress.onPage('res.partner', 40);
    clock.advance(5_000);
    progress.onPage('pos.order', 50);
    progress.onStreamEnd('pos.order', 'success');
    clock.advance(5_000);
    progress.tick();
    progress.onPage('pos.order', 60); // a late page of an ended stream starts it afresh: no line yet
    expect(log.lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'cannot count res.partner for its progress (extracting it all the same): Odoo refused search_count'],
      ['info', 'pos.order 50/100 records, 5/s, ETA 10 s'],
      ['info', 'res.partner 40 records, 4/s'],
    ]);
  });

  it('says which model is running once it has run 10 s, and every 10 s after', () => {
    const clock = manualClock();
    const log = recorder();
    const progress = new ProgressLog(log, { now: clock.now });
    progress.onModelStart('dim_products', 0, 3);
    clock.advance(2_000);
    progress.onModelEnd('dim_products', 'success');
    progress.onModelStart('fact_sales_lines', 1, 3);
    for (let i = 0; i < 25; i++) {
      clock.advance(1_000);
      progress.tick();
    }
    progress.onModelEnd('fact_sales_lines', 'success');
    clock.advance(30_000);
    progress.tick();
    expect(log.lines.map((l) => [l.msg, l.obj])).toEqual([
      ['fact_sales_lines running for 10 s (model 2 of 3)', { model: 'fact_sales_lines', seconds: 10 }],
      ['fact_sales_lines running for 20 s (model 2 of 3)', { model: 'fact_sales_lines', seconds: 20 }],
    ]);
  });
});
