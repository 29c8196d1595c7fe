/** Models built at once: elt.yml's transform.threads, --threads and the library's `threads` all stop here. */
export const MAX_THREADS = 32;

/** A whole number of threads from 1 to MAX_THREADS. */
export function isThreadCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_THREADS;
}
