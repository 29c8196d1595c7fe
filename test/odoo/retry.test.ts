import { describe, it, expect } from 'vitest';
import { OdooAccessError, OdooTransientError } from '../../src/odoo/errors.ts';
import { backoffDelay, DEFAULT_RETRY, resolveRetryOptions, withRetry } from '../../src/odoo/retry.ts';

describe('backoffDelay', () => {
  it('doubles from the minimum, capped at the maximum, with equal jitter', () => {
    const policy = { retries: 5, minTimeoutMs: 500, maxTimeoutMs: 30_000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(250);
    expect(backoffDelay(1, policy, () => 1)).toBe(500);
    expect(backoffDelay(3, policy, () => 1)).toBe(2000);
    expect(backoffDelay(20, policy, () => 1)).toBe(30_000);
    expect(backoffDelay(20, policy, () => 0)).toBe(15_000);
  });
});

describe('resolveRetryOptions', () => {
  it('fills the defaults and rejects nonsense', () => {
    expect(resolveRetryOptions()).toEqual(DEFAULT_RETRY);
    expect(DEFAULT_RETRY).toEqual({ retries: 5, minTimeoutMs: 500, maxTimeoutMs: 30_000 });
    expect(() => resolveRetryOptions({ retries: -1 })).toThrow('retry.retries must be a finite number >= 0, got -1');
  });
});

describe('withRetry', () => {
  const fast = { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 2 };

  it('retries retryable errors until success', async () => {
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw new OdooTransientError('flaky', 503);
        return 'ok';
      },
      { method: 'm' },
      fast,
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('surfaces non-retryable errors at once, unchanged', async () => {
    let calls = 0;
    const denied = new OdooAccessError('no access');
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw denied;
        },
        { method: 'm' },
        fast,
      ),
    ).rejects.toBe(denied);
    expect(calls).toBe(1);
  });

  it('does not retry plain errors (bugs)', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new TypeError('x is undefined');
        },
        { method: 'm' },
        fast,
      ),
    ).rejects.toThrow('x is undefined');
    expect(calls).toBe(1);
  });

  it('says how many attempts it made when it gives up', async () => {
    await expect(
      withRetry(
        async () => {
          throw new OdooTransientError('timeout');
        },
        { method: 'm' },
        { ...fast, retries: 0 },
      ),
    ).rejects.toThrow(/^timeout \(gave up after 1 attempt\)$/);
  });

  it('waits at least the Retry-After of the error, and logs each retry', async () => {
    const warnings: object[] = [];
    let calls = 0;
    const started = Date.now();
    await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw new OdooTransientError('slow down', 429, 0.15);
        return 'ok';
      },
      { model: 'pos.order', method: 'search_read' },
      fast,
      { warn: (obj) => warnings.push(obj) },
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    expect(warnings).toEqual([
      { model: 'pos.order', method: 'search_read', attempt: 1, retriesLeft: 2, delayMs: 150, error: 'slow down' },
    ]);
  });

  it('stops at once when its signal aborts, in the wait before a retry too, with the signal\'s reason', async () => {
    const controller = new AbortController();
    const reason = new Error('job cancelled');
    let calls = 0;
    // Odoo asks for a ten-minute wait: the abort ends it, and no second attempt is made.
    const waiting = withRetry(
      async () => {
        calls += 1;
        setImmediate(() => controller.abort(reason));
        throw new OdooTransientError('busy', 429, 600);
      },
      { method: 'm' },
      { ...fast, signal: controller.signal },
    );
    await expect(waiting).rejects.toBe(reason);
    expect(calls).toBe(1);
    // Aborted before it starts: no attempt.
    await expect(withRetry(async () => void (calls += 1), { method: 'm' }, { signal: controller.signal })).rejects.toBe(reason);
    expect(calls).toBe(1);
  });
});
