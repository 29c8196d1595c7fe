/**
 * The client's retry loop: only errors flagged `retryable` (timeouts, resets,
 * HTTP 429/5xx overloads) are tried again, with exponential backoff, jitter,
 * and at least the server's Retry-After. Everything else surfaces at once.
 */
import { setTimeout as delay } from 'node:timers/promises';
import pRetry from 'p-retry';
import { OdooTransientError } from './errors.ts';

export interface RetryOptions {
  /** Retries after the first attempt. Default 5. */
  readonly retries?: number;
  /** Base delay before the first retry. Default 500 ms. */
  readonly minTimeoutMs?: number;
  /** Ceiling of the backoff delay. Default 30 s. */
  readonly maxTimeoutMs?: number;
  /** Stops retrying, the wait before a retry included: the call rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

export interface RetryLogger {
  warn(obj: object, msg: string): void;
}

/** What the call was, for the warning: never its arguments (they may hold secrets or data). */
export interface RetryLabel {
  readonly model?: string;
  readonly method: string;
}

type RetryPolicy = Required<Omit<RetryOptions, 'signal'>>;

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, minTimeoutMs: 500, maxTimeoutMs: 30_000 };
/** A Retry-After longer than this is capped: the run should fail and let the scheduler come back. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Delay before retry number `retry` (1-based): `min * 2^(retry-1)` capped at
 * `max`, then "equal jitter" (between half and all of it) so that concurrent
 * streams hitting the same overloaded server spread out.
 */
export function backoffDelay(retry: number, options: RetryPolicy, random: () => number = Math.random): number {
  const base = Math.min(options.maxTimeoutMs, options.minTimeoutMs * 2 ** Math.max(0, retry - 1));
  return Math.round(base / 2 + (random() * base) / 2);
}

export async function withRetry<T>(
  fn: () => Promise<T>,
  label: RetryLabel,
  options: RetryOptions = {},
  logger?: RetryLogger,
): Promise<T> {
  const policy = resolveRetryOptions(options);
  const { signal } = options;
  let attempts = 0;
  try {
    return await pRetry(
      async () => {
        attempts += 1;
        return fn();
      },
      {
        retries: policy.retries,
        signal,
        // The delay is ours (backoff + Retry-After), slept in shouldRetry; p-retry adds none.
        minTimeout: 0,
        maxTimeout: 0,
        shouldRetry: async ({ error, attemptNumber, retriesLeft }) => {
          if (!isRetryable(error)) return false;
          const backoff = backoffDelay(attemptNumber, policy);
          const retryAfterMs = retryAfterOf(error);
          const delayMs = retryAfterMs === undefined ? backoff : Math.max(backoff, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
          logger?.warn(
            { model: label.model, method: label.method, attempt: attemptNumber, retriesLeft, delayMs, error: error.message },
            'Odoo call failed, retrying',
          );
          await sleep(delayMs, signal);
          return true;
        },
      },
    );
  } catch (error) {
    if (error instanceof OdooTransientError && attempts > policy.retries) {
      throw new OdooTransientError(
        `${error.message} (gave up after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`,
        error.status,
        error.retryAfter,
      );
    }
    throw error;
  }
}

export function resolveRetryOptions(options: RetryOptions = {}): RetryPolicy {
  const policy = {
    retries: options.retries ?? DEFAULT_RETRY.retries,
    minTimeoutMs: options.minTimeoutMs ?? DEFAULT_RETRY.minTimeoutMs,
    maxTimeoutMs: options.maxTimeoutMs ?? DEFAULT_RETRY.maxTimeoutMs,
  };
  for (const [key, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry.${key} must be a finite number >= 0, got ${value}`);
  }
  return policy;
}

function isRetryable(error: unknown): boolean {
  return (error as { retryable?: unknown } | null)?.retryable === true;
}

function retryAfterOf(error: unknown): number | undefined {
  const seconds = (error as { retryAfter?: unknown }).retryAfter;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts (node's own rejects with an AbortError instead). */
async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  await delay(ms, undefined, { signal }).catch((error: unknown) => {
    throw signal?.aborted ? signal.reason : error;
  });
}
