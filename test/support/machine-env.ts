/**
 * What a spawned `elt` keeps of the test runner's environment besides the
 * variables a test gives it: PATH and HOME, and the machine's time zone and
 * date (TZ, libfaketime's LD_PRELOAD and FAKETIME*), so a suite run under
 * TZ=... or `faketime` runs its elt processes at the same time and place.
 */
const KEPT = /^(PATH|HOME|TZ|LD_PRELOAD|FAKETIME\w*)$/;

export function machineEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => KEPT.test(entry[0]) && entry[1] !== undefined));
}
