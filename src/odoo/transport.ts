/**
 * The seam between the Odoo client and a wire protocol: XML-RPC
 * (`xmlrpc-transport.ts`), JSON-RPC (`jsonrpc-transport.ts`) and JSON-2
 * (`json2-transport.ts`), picked by `choose-transport.ts`.
 * A transport throws the typed errors of `errors.ts` and never retries:
 * retrying is the client's job.
 */
export type TransportName = 'xmlrpc' | 'jsonrpc' | 'json2';

export interface Credentials {
  readonly url: string;
  readonly db: string;
  readonly login: string;
  /** Password or API key: never logged, never put in an error message. */
  readonly secret: string;
}

export interface ServerVersion {
  /** e.g. "17.0" or "saas~17.1". */
  readonly serverVersion: string;
  /** e.g. [17, 0, 0, "final", 0, ""]. */
  readonly serverVersionInfo: ReadonlyArray<string | number>;
}

/** A version answer's fields as Odoo sent them, the info list keeping only its strings and numbers. */
export function serverVersion(version: string, info: unknown): ServerVersion {
  const list = Array.isArray(info) ? info.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number') : [];
  return { serverVersion: version, serverVersionInfo: list };
}

export interface Transport {
  readonly name: TransportName;
  version(): Promise<ServerVersion>;
  /** The uid, or `false` when Odoo rejects the login (Odoo raises no fault for that). */
  authenticate(creds: Credentials): Promise<number | false>;
  /** Odoo's clock from its answers' `Date` headers (HttpEndpoint.serverClock); null when none came. */
  serverClock?(): Date | null;
  executeKw(
    creds: Credentials,
    uid: number,
    model: string,
    method: string,
    args: readonly unknown[],
    kwargs: Readonly<Record<string, unknown>>,
  ): Promise<unknown>;
}
