/** The first line of an error's message (tracebacks and driver errors run on): what one-line reports show. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
