import { describe, expect, it } from 'vitest';
import { beginStep, interruptible, interruptLine, runningCommand, trackExtract, trackTransform } from '../../src/cli/interrupt.ts';
import type { ProgressDisplay } from '../../src/cli/progress.ts';

/** A display that records its calls. */
function recorder(calls: string[]): ProgressDisplay {
  return {
    onPassStart: (stream) => void calls.push(`pass ${stream}`),
    onPage: (stream, fetched) => void calls.push(`page ${stream} ${fetched}`),
    onStreamEnd: (stream, status) => void calls.push(`end ${stream} ${status}`),
    onModelStart: (model) => void calls.push(`start ${model}`),
    onModelEnd: (model, status) => void calls.push(`end ${model} ${status}`),
    close: () => void calls.push('close'),
  };
}

describe('the interrupt line', () => {
  it('says what was running, how far the step got, and that the next run resumes; before a writing step, the command alone', async () => {
    const calls: string[] = [];
    const listeners = process.listenerCount('SIGINT');
    const lines = await interruptible('run', async () => {
      const seen = [interruptLine('SIGINT')];
      beginStep('migrate');
      seen.push(interruptLine('SIGINT'));
      const extract = trackExtract(recorder(calls), 31);
      seen.push(interruptLine('SIGINT'));
      extract.onPassStart('pos.order', 10, undefined);
      extract.onPassStart('pos.order.line', null, 'timeout');
      extract.onPage('pos.order', 5);
      extract.onPassStart('res.partner', 3);
      extract.onStreamEnd('res.partner', 'success');
      seen.push(interruptLine('SIGINT'));
      extract.onStreamEnd('pos.order', 'failed');
      extract.onStreamEnd('pos.order.line', 'success');
      seen.push(interruptLine('SIGINT'));
      extract.close();
      const transform = trackTransform(recorder(calls));
      seen.push(interruptLine('SIGTERM'));
      transform.onModelStart('dim_products', 0, 26);
      transform.onModelEnd('dim_products', 'success');
      transform.onModelStart('fact_sales', 1, 26);
      seen.push(interruptLine('SIGTERM'));
      expect(runningCommand()).toBe('run');
      return seen;
    });
    const tail = 'what was written is kept whole and the next elt run resumes from there';
    expect(lines).toEqual([
      'elt run: interrupted',
      `elt run: interrupted while migrating the warehouse: ${tail}`,
      `elt run: interrupted while starting the extract (0 of 31 streams done): ${tail}`,
      `elt run: interrupted while extracting pos.order, pos.order.line (1 of 31 streams done): ${tail}`,
      `elt run: interrupted while finishing the extract (3 of 31 streams done): ${tail}`,
      `elt run: stopped by SIGTERM while starting the transform: ${tail}`,
      `elt run: stopped by SIGTERM while building fact_sales (1 of 26 models done): ${tail}`,
    ]);
    // The display sees every call, as before.
    expect(calls).toEqual([
      'pass pos.order', 'pass pos.order.line', 'page pos.order 5', 'pass res.partner', 'end res.partner success', 'end pos.order failed', 'end pos.order.line success', 'close',
      'start dim_products', 'end dim_products success', 'start fact_sales',
    ]);
    // The command over, the handler and what it knew are gone.
    expect(runningCommand()).toBeUndefined();
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('names four running streams, then how many more', async () => {
    await interruptible('extract', async () => {
      const extract = trackExtract(recorder([]), 8);
      for (const stream of ['a', 'b', 'c', 'd', 'e', 'f']) extract.onPassStart(stream, null);
      expect(interruptLine('SIGINT')).toBe(
        'elt extract: interrupted while extracting a, b, c, d and 2 more (0 of 8 streams done): what was written is kept whole and the next elt extract resumes from there',
      );
    });
  });

  it('a stream runs from its start, before its first page tells its size', async () => {
    await interruptible('extract', async () => {
      const extract = trackExtract(recorder([]), 2);
      extract.onStreamStart!('pos.order');
      expect(interruptLine('SIGINT')).toBe(
        'elt extract: interrupted while extracting pos.order (0 of 2 streams done): what was written is kept whole and the next elt extract resumes from there',
      );
    });
  });
});
