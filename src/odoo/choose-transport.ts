/**
 * ODOO_TRANSPORT=auto: JSON-2 when the server has it (GET /web/version says
 * 19 or later: JSON-2 is core there) and an API key is configured (JSON-2
 * takes nothing else); else JSON-RPC when `/jsonrpc` answers common.version;
 * else XML-RPC, which every Odoo serves. An explicit transport skips probing.
 * Each probe is one cheap unauthenticated call, retried like any call when
 * it fails transiently (an outage hits probes too); the choice is logged once.
 */
import { OdooError, OdooTlsError, OdooTransientError } from './errors.ts';
import { HttpEndpoint, type HttpOptions } from './http.ts';
import { fetchWebVersion, Json2Transport } from './json2-transport.ts';
import { JsonRpcTransport } from './jsonrpc-transport.ts';
import { withRetry, type RetryLogger, type RetryOptions } from './retry.ts';
import type { ServerVersion, Transport, TransportName } from './transport.ts';
import { XmlRpcTransport } from './xmlrpc-transport.ts';

export interface TransportSettings {
  readonly url: string;
  readonly db: string;
  readonly login: string;
  readonly secret: string;
  /** ODOO_API_KEY is set (the secret is then an API key). */
  readonly hasApiKey: boolean;
  readonly timeoutMs: number;
  /** Do not verify Odoo's TLS certificate (ODOO_TLS_INSECURE). Default false. */
  readonly insecureTls?: boolean;
  /** Default 'auto'. */
  readonly transport?: TransportName | 'auto';
  /** Aborts the probes, and every request of the transport chosen. */
  readonly signal?: AbortSignal;
  /** How the probes retry; the client's own calls take theirs from OdooClient.connect. */
  readonly retry?: RetryOptions;
  /** What set an explicit transport, for the log line: default ODOO_TRANSPORT. */
  readonly chosenBy?: string;
}

export interface ChoiceLogger extends Partial<RetryLogger> {
  info(obj: object, msg: string): void;
}

/** Major version >= this serves `/json/2`. */
const JSON2_SINCE = 19;

export function createNamedTransport(name: TransportName, url: string, timeoutMs: number, options: Omit<HttpOptions, 'timeoutMs'> = {}): Transport {
  const http = { ...options, timeoutMs };
  switch (name) {
    case 'xmlrpc':
      return new XmlRpcTransport(url, http);
    case 'jsonrpc':
      return new JsonRpcTransport(url, http);
    case 'json2':
      return new Json2Transport(url, http);
  }
}

export async function chooseTransport(settings: TransportSettings, log: ChoiceLogger): Promise<Transport> {
  const requested = settings.transport ?? 'auto';
  const options = { insecureTls: settings.insecureTls, signal: settings.signal };
  if (requested !== 'auto') {
    const chosenBy = settings.chosenBy ?? 'ODOO_TRANSPORT';
    log.info({ transport: requested, reason: chosenBy }, `Odoo transport ${requested} (set by ${chosenBy})`);
    return createNamedTransport(requested, settings.url, settings.timeoutMs, options);
  }
  const { name, reason, version } = await probe(settings, { ...options, timeoutMs: settings.timeoutMs }, log);
  log.info({ transport: name, reason, ...(version ? { serverVersion: version.serverVersion } : {}) }, `Odoo transport ${name}: ${reason}`);
  return createNamedTransport(name, settings.url, settings.timeoutMs, options);
}

async function probe(
  settings: TransportSettings,
  httpOptions: HttpOptions,
  log: ChoiceLogger,
): Promise<{ name: TransportName; reason: string; version?: ServerVersion }> {
  const http = new HttpEndpoint(settings.url, httpOptions);
  const logger = log.warn ? (log as RetryLogger) : undefined;
  let version: ServerVersion | undefined;
  try {
    version = await withRetry(() => fetchWebVersion(http), { method: 'version' }, settings.retry, logger);
  } catch (error) {
    // Older servers (before 16) or a proxy that hides the route: JSON-RPC may still answer.
    // A server that is down, or whose certificate fails, is so for every route: say so now.
    if (!(error instanceof OdooError) || error instanceof OdooTransientError || error instanceof OdooTlsError) throw error;
  }
  const major = version === undefined ? undefined : majorOf(version);
  if (major !== undefined && major >= JSON2_SINCE && settings.hasApiKey) {
    return { name: 'json2', reason: `Odoo ${version!.serverVersion} serves JSON-2 and ODOO_API_KEY is set`, version };
  }
  const jsonrpc = new JsonRpcTransport(settings.url, httpOptions);
  try {
    const answered = await withRetry(() => jsonrpc.version(), { method: 'version' }, settings.retry, logger);
    const why = major !== undefined && major >= JSON2_SINCE
      ? `Odoo ${answered.serverVersion} serves JSON-2 but ODOO_API_KEY is not set (JSON-2 takes API keys only); /jsonrpc answers`
      : `Odoo ${answered.serverVersion} answers on /jsonrpc`;
    return { name: 'jsonrpc', reason: why, version: answered };
  } catch (error) {
    // A server that is down is down for XML-RPC too: say so now rather than pick blindly.
    if (error instanceof OdooTransientError || error instanceof OdooTlsError) throw error;
    if (!(error instanceof OdooError)) throw error;
    return { name: 'xmlrpc', reason: `/jsonrpc does not answer (${firstLine(error.message)})`, version };
  }
}

/** 19 from [19, 0, 0, 'final', 0, ''] or from "19.0" / "saas~18.3". */
function majorOf(version: ServerVersion): number | undefined {
  const first = version.serverVersionInfo[0];
  if (typeof first === 'number') return first;
  const match = /(\d+)\./.exec(version.serverVersion);
  return match ? Number(match[1]) : undefined;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!;
}
