/**
 * Odoo's JSON routes: `/jsonrpc` (the RPC services of `/xmlrpc/2` in a
 * JSON-RPC envelope, errors with HTTP 200), `/json/2/<model>/<method>`
 * (Odoo 19: bearer API key, named arguments, HTTP statuses for errors;
 * before 19 the URL is unknown: 404) and `GET /web/version`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFault, NOT_FOUND_TEXT, readBody, sendHtml, sendJson, type HandlerDeps } from './http-common.ts';
import { errorToData, faultToData, json2Error, jsonRpcError, werkzeug, type ErrorData } from './json-errors.ts';
import { callMethod } from './methods.ts';
import { describeRpc, dispatchRpc, methodEnv, versionInfo } from './rpc.ts';

/** ORM methods that take a recordset (`ids`); the others are `@api.model` and refuse ids. */
const RECORD_METHODS = new Set(['read', 'write', 'unlink', 'copy', 'name_get', 'exists', 'check_access', 'has_access']);

export async function handleWebVersion(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if ((await applyFault(deps, { service: 'common', method: 'version' }, req, res)) === 'answered') return;
  const { server_version_info, server_serie } = versionInfo(deps.env.version);
  sendJson(res, 200, { version_info: server_version_info, version: server_serie });
}

export async function handleJsonRpc(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendHtml(res, 405, 'The method is not allowed for the requested URL.');
  let request: { id?: unknown; params?: { service?: unknown; method?: unknown; args?: unknown } };
  try {
    request = JSON.parse(await readBody(req)) as typeof request;
  } catch (error) {
    return sendJson(res, 400, { jsonrpc: '2.0', id: null, error: { code: 400, message: `Invalid JSON data: ${(error as Error).message}`, data: {} } });
  }
  const id = request?.id ?? null;
  const reply = (answer: { result: unknown } | { error: ErrorData }) =>
    sendJson(res, 200, 'error' in answer ? { jsonrpc: '2.0', id, error: jsonRpcError(answer.error, deps.env.version) } : { jsonrpc: '2.0', id, result: answer.result });
  const service = String(request?.params?.service ?? '');
  const method = String(request?.params?.method ?? '');
  const args = Array.isArray(request?.params?.args) ? (request.params!.args as unknown[]) : [];
  const { target, call } = describeRpc(service, method, args);
  if (call) deps.calls.push(call);
  const fault = await applyFault(deps, target, req, res);
  if (fault === 'answered') return;
  if (fault) return reply({ error: faultToData(fault.code, fault.message) });
  if (deps.latencyMs > 0) await deps.sleep(deps.latencyMs);
  try {
    reply({ result: dispatchRpc(deps.env, service, method, args) });
  } catch (error) {
    reply({ error: errorToData(error) });
  }
}

export async function handleJson2(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse, model: string, method: string): Promise<void> {
  const { env } = deps;
  if (env.version < 19) return sendHtml(res, 404, NOT_FOUND_TEXT);
  const fail = (status: number, body: ErrorData) => sendJson(res, status, body);
  if (req.method !== 'POST') return fail(405, werkzeug('MethodNotAllowed', 405, 'The method is not allowed for the requested URL.'));
  const database = req.headers['x-odoo-database'];
  if (database !== undefined && database !== env.db) return fail(404, werkzeug('NotFound', 404, `database '${String(database)}' not found`));
  const token = /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  const user = token ? env.users.find((u) => u.apiKey !== undefined && u.apiKey === token) : undefined;
  if (!user) return fail(401, werkzeug('Unauthorized', 401, 'Invalid apikey'));
  let body: Record<string, unknown> = {};
  const text = await readBody(req);
  if (text.length > 0) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return fail(400, werkzeug('BadRequest', 400, `could not parse the body as json: ${(error as Error).message}`));
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return fail(400, werkzeug('BadRequest', 400, 'could not parse the body, expecting a json object'));
    }
    body = parsed as Record<string, unknown>;
  }
  const { ids = [], context, ...kwargs } = body;
  const idList = Array.isArray(ids) ? ids : [ids];
  const isRecordMethod = RECORD_METHODS.has(method);
  const args = isRecordMethod ? [idList] : [];
  const callKwargs = context === undefined ? kwargs : { ...kwargs, context };
  deps.calls.push({ model, method, args, kwargs: callKwargs });
  const fault = await applyFault(deps, { service: 'object', model, method }, req, res);
  if (fault === 'answered') return;
  if (fault) {
    const { status, body: error } = json2Error(faultToData(fault.code, fault.message));
    return fail(status, error);
  }
  if (deps.latencyMs > 0) await deps.sleep(deps.latencyMs);
  if (!isRecordMethod && idList.length > 0 && env.store.info(model)) {
    return fail(422, werkzeug('UnprocessableEntity', 422, `cannot call ${model}.${method} with ids`));
  }
  try {
    sendJson(res, 200, callMethod(methodEnv(env, user.uid), model, method, args, callKwargs));
  } catch (error) {
    const { status, body: data } = json2Error(errorToData(error));
    fail(status, data);
  }
}
