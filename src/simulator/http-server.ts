import type { IncomingMessage, ServerResponse } from 'node:http';
import { pythonError, SimFault } from './faults.ts';
import { applyFault, internalTraceback, NOT_FOUND_TEXT, sendHtml, type HandlerDeps } from './http-common.ts';
import { handleJson2, handleJsonRpc, handleWebVersion } from './json-routes.ts';
import { describeRpc, dispatchRpc } from './rpc.ts';
import { faultResponse, methodResponse, parseMethodCall } from './xmlrpc-codec.ts';

/**
 * Odoo's `/xmlrpc/2/<service>` route (POST only; faults come back with HTTP
 * 200, as Odoo sends them), the JSON routes of `json-routes.ts` (`/jsonrpc`,
 * `/json/2/<model>/<method>`, `/web/version`) and Werkzeug's HTML pages for
 * anything else. Injected faults apply to every route.
 */
export function createHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    res.on('error', () => {}); // the client may be gone by the time a stalled answer is written
    // Werkzeug dates every answer with the server's clock when it is written: the simulator's clock here.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((...args: unknown[]) => {
      res.setHeader('Date', deps.env.clock.now().toUTCString());
      return writeHead(...args);
    }) as typeof res.writeHead;
    handle(deps, req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendXml(res, faultResponse(1, internalTraceback(error)));
    });
  };
}

async function handle(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://simulator').pathname;
  if (path === '/web/version') return handleWebVersion(deps, req, res);
  if (path === '/jsonrpc') return handleJsonRpc(deps, req, res);
  const json2 = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(path);
  if (json2) return handleJson2(deps, req, res, decodeURIComponent(json2[1]!), decodeURIComponent(json2[2]!));
  const route = /^\/xmlrpc\/2\/([^/]+)$/.exec(path);
  if (!route) return sendHtml(res, 404, NOT_FOUND_TEXT);
  if (req.method !== 'POST') return sendHtml(res, 405, 'The method is not allowed for the requested URL.');
  const service = route[1]!;
  let call: { method: string; params: unknown[] };
  try {
    call = await parseMethodCall(req);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return sendXml(res, faultResponse(1, pythonError('xml.parsers.expat.ExpatError', message).faultString));
  }
  const { target, call: record } = describeRpc(service, call.method, call.params);
  if (record) deps.calls.push(record);
  const fault = await applyFault(deps, target, req, res);
  if (fault === 'answered') return;
  if (fault) return sendXml(res, faultResponse(fault.code, fault.message));
  if (deps.latencyMs > 0) await deps.sleep(deps.latencyMs);
  let body: string;
  try {
    body = methodResponse(dispatchRpc(deps.env, service, call.method, call.params));
  } catch (error) {
    body = error instanceof SimFault ? faultResponse(error.faultCode, error.faultString) : faultResponse(1, internalTraceback(error));
  }
  sendXml(res, body);
}

function sendXml(res: ServerResponse, body: string): void {
  if (res.destroyed) return;
  res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
