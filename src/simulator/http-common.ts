import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { pythonError } from './faults.ts';
import type { CallTarget, FaultQueue, FaultSpec } from './fault-injection.ts';
import type { CallRecord, RpcEnv } from './rpc.ts';

/** What the request handlers share: the RPC environment, injected faults, the call log, latency. */
export interface HandlerDeps {
  readonly env: RpcEnv;
  readonly faults: FaultQueue;
  readonly calls: CallRecord[];
  readonly latencyMs: number;
  /** Waits that close() cancels. */
  readonly sleep: (ms: number) => Promise<void>;
}

/** What every route does before answering: record nothing here, apply the injected fault. */
export interface FaultDeps {
  readonly faults: FaultQueue;
  readonly sleep: (ms: number) => Promise<void>;
}

/**
 * Applies the next injected fault for the call. HTTP statuses, resets and
 * stalls look the same on every route; `cut` and `truncate` let the route
 * write its real answer and send only half of it; an Odoo fault
 * (`kind: 'fault'`) is returned for the route to render in its own
 * protocol. `'answered'` means the response is done.
 */
export async function applyFault(
  deps: FaultDeps,
  target: CallTarget | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<'answered' | Extract<FaultSpec, { kind: 'fault' }> | undefined> {
  const fault = target && deps.faults.take(target);
  switch (fault?.kind) {
    case 'http':
      sendProxyError(res, fault.status, fault.retryAfter);
      return 'answered';
    case 'reset':
      req.socket.resetAndDestroy();
      return 'answered';
    case 'cut':
    case 'truncate':
      sendHalf(deps, req, res, fault.kind);
      return undefined;
    case 'stall':
      await deps.sleep(fault.ms);
      return undefined;
    case 'fault':
      return fault;
    default:
      return undefined;
  }
}

/**
 * 500 as Odoo's Werkzeug sends it when a request fails outside any route
 * (odoo/http.py Application.__call__); other statuses as nginx in front of
 * Odoo does (502 worker gone, 503/429 overloaded or rate-limited, 504 timeout).
 */
function sendProxyError(res: ServerResponse, status: number, retryAfter: number | undefined): void {
  const reason = STATUS_CODES[status] ?? '';
  const body = status === 500
    ? werkzeugPage(500, INTERNAL_ERROR_TEXT)
    : `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  const headers: Record<string, string | number> = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) };
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  res.writeHead(status, headers);
  res.end(body);
}

const INTERNAL_ERROR_TEXT =
  'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.';

/**
 * Lets the route answer, but sends only the status, the headers (whose
 * Content-Length announces the whole body) and the first half of the body,
 * then resets the connection (`cut`) or closes it cleanly (`truncate`). The
 * short wait lets the client see the headers and the bytes before the end.
 */
function sendHalf(deps: FaultDeps, req: IncomingMessage, res: ServerResponse, kind: 'cut' | 'truncate'): void {
  const socket = req.socket;
  res.end = ((chunk?: unknown) => {
    const body = Buffer.isBuffer(chunk) ? chunk : Buffer.from(typeof chunk === 'string' ? chunk : '');
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
      void deps.sleep(20).then(() => (kind === 'cut' ? socket.resetAndDestroy() : socket.end()));
    });
    return res;
  }) as ServerResponse['end'];
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  if (res.destroyed) return;
  // Buffers as base64, as Odoo sends binary values; undefined as null (Python's None)
  const body = JSON.stringify(value, function replacer(this: unknown, key: string, member: unknown) {
    const original = (this as Record<string, unknown>)[key];
    if (Buffer.isBuffer(original)) return original.toString('base64');
    return member === undefined ? null : member;
  });
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Werkzeug's default error page. */
export function sendHtml(res: ServerResponse, status: number, text: string): void {
  if (res.destroyed) return;
  const body = werkzeugPage(status, text);
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function werkzeugPage(status: number, text: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${STATUS_CODES[status]}</title>\n<h1>${STATUS_CODES[status]}</h1>\n<p>${text}</p>\n`;
}

export const NOT_FOUND_TEXT = 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A bug in the simulator still answers like Odoo would: fault 1 with a traceback. */
export function internalTraceback(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  return pythonError('SimulatorError', text).faultString;
}
