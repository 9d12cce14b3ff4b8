/**
 * The one mapping from a failure to an HTTP answer, shared by Hono's error handler and tRPC's error
 * formatter: the database being away is a 503, input the database cannot store or the server cannot parse
 * is a 400, and anything else is a real bug (500) whose details stay in the log.
 */

export type FailureKind = "unavailable" | "malformed" | "timeout" | "conflict" | "invalid" | "bug";

export interface Failure {
  kind: FailureKind;
  status: 400 | 409 | 500 | 503;
  message: string;
}

/** Walk an error and its causes (errors wrap each other: tRPC, Kysely, pg). */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    yield e as Record<string, unknown>;
    e = (e as { cause?: unknown }).cause;
  }
}

/** Whether an error means the database is unreachable, so the answer is 503, not 500. */
export function isDatabaseDown(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = e.code;
    const message = String(e.message ?? "");
    if (
      code === "ECONNREFUSED" ||
      code === "ECONNRESET" ||
      code === "57P01" ||
      code === "57P03" ||
      /Connection terminated|connection timeout|PGlite is closed|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        message,
      )
    ) {
      return true;
    }
  }
  return false;
}

/** A statement cut short by the time limit on a request's database work (pg: statement_timeout). */
function isStatementTimeout(error: unknown): boolean {
  for (const e of chain(error)) {
    if (e.code === "57014" || /canceling statement due to statement timeout/i.test(String(e.message ?? "")))
      return true;
  }
  return false;
}

/**
 * Input the request carried that cannot be parsed or stored: text PostgreSQL refuses (a NUL byte is
 * 22021, "invalid byte sequence"; 22P05 an untranslatable character), a URI that does not decode, JSON
 * that does not parse. These are the client's mistake, so a 400.
 */
export function isMalformedInput(error: unknown): boolean {
  for (const e of chain(error)) {
    if (e instanceof URIError || e instanceof SyntaxError) return true;
    if (e.code === "22021" || e.code === "22P05") return true;
    if (/invalid byte sequence|unsupported Unicode escape sequence/i.test(String(e.message ?? "")))
      return true;
  }
  return false;
}

/**
 * A database constraint or value check the write broke, in plain words: a unique key taken by a write that
 * raced this one is a conflict (409); a reference to a row that is not there, a check, a missing value or a
 * number out of the column's range is bad input (400). Constraint and column names never reach the client.
 */
function constraintFailure(error: unknown): Failure | undefined {
  for (const e of chain(error)) {
    switch (e.code) {
      case "23505":
        return {
          kind: "conflict",
          status: 409,
          message:
            "Someone else saved the same record at the same moment; reload and check it before trying again",
        };
      case "40001":
      case "40P01":
        return {
          kind: "conflict",
          status: 409,
          message: "Another change was being saved at the same time; try again",
        };
      case "23503":
        return {
          kind: "invalid",
          status: 400,
          message:
            "The change refers to something that does not exist (or is still in use); reload and try again",
        };
      case "23514":
      case "23502":
      case "23P01":
        return {
          kind: "invalid",
          status: 400,
          message: "The change breaks a rule on what can be stored; check the values",
        };
      case "22003":
        return { kind: "invalid", status: 400, message: "A number in the request is too large to store" };
      case "22001":
        return { kind: "invalid", status: 400, message: "A text in the request is too long to store" };
    }
  }
  return undefined;
}

/** Fields of an error (and its causes) that are safe to log: never SQL, parameters or row details. */
const LOGGABLE = ["name", "message", "code", "stack"] as const;

/**
 * The error as a log line may carry it: its type, message, SQLSTATE code and stack, and the same of its
 * causes; the statement's text, its parameters and PostgreSQL's `detail` (which quotes the row's values,
 * e-mail addresses and notes included) are left out.
 */
export function loggableError(error: unknown): Record<string, unknown> | unknown {
  if (!error || typeof error !== "object") return error;
  const out: Record<string, unknown> = {};
  let level: Record<string, unknown> = out;
  let depth = 0;
  for (const e of chain(error)) {
    if (depth++ > 0) {
      const next: Record<string, unknown> = {};
      level.cause = next;
      level = next;
    }
    level.type = (e.constructor as { name?: string } | undefined)?.name ?? "Error";
    for (const key of LOGGABLE) if (e[key] !== undefined) level[key] = String(e[key]);
    if (depth > 5) break;
  }
  return out;
}

export function classifyFailure(error: unknown, requestId?: string): Failure {
  if (isDatabaseDown(error))
    return { kind: "unavailable", status: 503, message: "The database is not answering; try again shortly" };
  if (isStatementTimeout(error))
    return { kind: "timeout", status: 503, message: "The request took too long; try again shortly" };
  if (isMalformedInput(error))
    return {
      kind: "malformed",
      status: 400,
      message: "The request contains text that cannot be read or stored (for example a NUL character)",
    };
  const constraint = constraintFailure(error);
  if (constraint) return constraint;
  return {
    kind: "bug",
    status: 500,
    message: requestId ? `Internal error; quote request id ${requestId} when reporting it` : "Internal error",
  };
}
