/**
 * The one error type of Realise. A rule, a repository or a service throws an AppError; the edge maps it
 * once to a tRPC code, an HTTP status or a FHIR OperationOutcome. The message is written for the person
 * who made the request (a trust lead, an analyst), never for a developer.
 */
export type AppErrorCode =
  /** Input that breaks a rule; `issues` name the fields. */
  | "BAD_REQUEST"
  /** Not signed in. */
  | "UNAUTHORIZED"
  /** Signed in, but this role or trust may not do this. */
  | "FORBIDDEN"
  /** The thing named does not exist. */
  | "NOT_FOUND"
  /** A stale write: someone changed the record since the caller read it; `current` is what is there now. */
  | "CONFLICT"
  /** Refused by the state of the data: a locked return, a published framework, an unfinished period. */
  | "PRECONDITION_FAILED"
  /** Too many attempts; try again later. */
  | "TOO_MANY_REQUESTS"
  /** The database is not answering. */
  | "UNAVAILABLE";

/** One problem with one field: its path in the input and what is wrong, in plain words. */
export interface FieldIssue {
  path: Array<string | number>;
  message: string;
}

export interface AppErrorOptions {
  issues?: FieldIssue[];
  /** For CONFLICT: the record as it is now. */
  current?: unknown;
  /** For CONFLICT: the fields that changed since the caller read it. */
  changedFields?: string[];
  /** For TOO_MANY_REQUESTS: seconds until the caller may try again (sent as Retry-After). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: FieldIssue[];
  readonly current: unknown;
  readonly changedFields: string[];
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.issues = options.issues ?? [];
    this.current = options.current;
    this.changedFields = options.changedFields ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** Input that passed its schema but breaks a rule only the data can check. The message names each field. */
  static invalid(issues: FieldIssue[]): AppError {
    const message = issues.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`).join("; ");
    return new AppError("BAD_REQUEST", message, { issues });
  }

  /** One field is wrong. */
  static field(path: string | Array<string | number>, message: string): AppError {
    return AppError.invalid([{ path: Array.isArray(path) ? path : [path], message }]);
  }

  static notFound(message: string): AppError {
    return new AppError("NOT_FOUND", message);
  }

  /** Refused by the state of the data (locked, published, not yet ended…). */
  static state(message: string): AppError {
    return new AppError("PRECONDITION_FAILED", message);
  }

  static conflict(message: string, current: unknown, changedFields: string[] = []): AppError {
    return new AppError("CONFLICT", message, { current, changedFields });
  }

  static forbidden(message: string): AppError {
    return new AppError("FORBIDDEN", message);
  }

  /** Asked too often; `retryAfterSeconds` says when to come back. */
  static tooMany(message: string, retryAfterSeconds: number): AppError {
    return new AppError("TOO_MANY_REQUESTS", message, { retryAfterSeconds });
  }
}

/** Whether a value is an AppError (also across duplicated module copies, by name and code). */
export function isAppError(error: unknown): error is AppError {
  return (
    error instanceof AppError ||
    (error instanceof Error && error.name === "AppError" && typeof (error as AppError).code === "string")
  );
}
