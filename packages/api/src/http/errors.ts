/**
 * The one mapping from a failure to an HTTP answer, shared by Hono's error handler and tRPC's error
 * formatter: the database being away is a 503, input the database cannot store or the server cannot parse
 * is a 400, and anything else is a real bug (500) whose details stay in the log.
 */

export type FailureKind = "unavailable" | "malformed" | "timeout" | "bug";

export interface Failure {
  kind: FailureKind;
  status: 400 | 500 | 503;
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
  return {
    kind: "bug",
    status: 500,
    message: requestId ? `Internal error; quote request id ${requestId} when reporting it` : "Internal error",
  };
}
