/**
 * Telling a lost warehouse connection (PostgreSQL restarted, the network
 * dropped) from a failed statement: the first is not the run's fault and the
 * cure is to run again once the server is back.
 */
import { firstLine } from '../util/first-line.ts';

/** Node's socket errors that end a connection. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN']);

/**
 * SQLSTATE 57P01 admin_shutdown ("terminating connection due to administrator
 * command": pg_terminate_backend, or `pg_ctl stop/restart -m fast`), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down), and
 * class 08, connection exceptions.
 */
const SQLSTATE = /^(57P0[123]|08[0-9A-Z]{3})$/;

/** What the pg driver says when the socket closes under it. */
const DRIVER_MESSAGES = /^(Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable)$/;

/** True when `error` says the connection to PostgreSQL is gone (not that a statement failed). */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
  return DRIVER_MESSAGES.test(error.message);
}

/** A command stopped because its warehouse connection (and with it the run's lock) is gone. */
export class WarehouseConnectionLost extends Error {
  constructor(cause: unknown) {
    const reason = firstLine(cause);
    super(`lost the connection to the warehouse database (${reason}): rerun when it is back`, { cause });
    this.name = 'WarehouseConnectionLost';
  }
}
