/**
 * Typed Odoo errors. Every message names what failed and never carries a secret.
 * `retryable` tells the client's retry loop whether to try again.
 */
export class OdooError extends Error {
  readonly retryable: boolean = false;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Worth another try: connection refused or reset (before or during the
 * answer), a body cut short, a timeout, HTTP 429 and 5xx from a proxy or a
 * dying worker.
 */
export class OdooTransientError extends OdooError {
  override readonly retryable = true;
  constructor(
    message: string,
    readonly status?: number,
    /** Seconds from a Retry-After header, when the server sent one. */
    readonly retryAfter?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Any other HTTP or protocol failure (404 on the endpoint, a body that is not XML-RPC, ...). */
export class OdooProtocolError extends OdooError {}

/** The server's TLS certificate failed verification: retrying will not help, configuration will. */
export class OdooTlsError extends OdooProtocolError {}

/** `authenticate` returned false. */
export class OdooLoginError extends OdooError {
  constructor(readonly login: string, readonly db: string) {
    super(`Odoo rejected the login for user ${login} on database ${db}: check ODOO_USERNAME and ODOO_PASSWORD (or ODOO_API_KEY)`);
  }
}

/** Fault code 1: a server-side exception. `message` is the traceback's last line. */
export class OdooServerError extends OdooError {
  constructor(message: string, readonly traceback: string) {
    super(message);
  }
}

/** Fault code 2: a user error, e.g. `Object no.such.model doesn't exist`. */
export class OdooUserError extends OdooError {}

/** A user error that says the model does not exist on this database. */
export class OdooUnknownModelError extends OdooUserError {
  constructor(message: string, readonly model: string) {
    super(message);
  }
}

/** Fault code 3: `Access Denied` (bad credentials on a call). */
export class OdooAccessDeniedError extends OdooError {}

/** Fault code 4: the user may not read or write these records. */
export class OdooAccessError extends OdooError {}

/**
 * A bad `connect()` option: the message names each one and how to fix it. Here, not in
 * connect.ts, so the CLI's error classification does not load the transports at start-up.
 */
export class ConnectionOptionsError extends Error {
  override readonly name = 'ConnectionOptionsError';
}
