import { AsyncLocalStorage } from "node:async_hooks";
import type { MiddlewareHandler } from "hono";
import type { EdgeEnv } from "./env.js";
import { type Logger, pino } from "pino";
import { loggableError } from "./errors.js";

export type { Logger } from "pino";

/** The id of the request whose work is running, for log lines written anywhere beneath it. */
const requestScope = new AsyncLocalStorage<string>();

/** The current request's id: async work started by a request (a stray rejection included) keeps it. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore();
}

/** Run the rest of the request inside its id's scope (after Hono's requestId()). */
export function requestIdScope(): MiddlewareHandler<EdgeEnv> {
  return (c, next) => requestScope.run(c.get("requestId"), next);
}

/** Every line written while a request runs carries its id, whoever writes it. */
const mixin = () => {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
};

/**
 * The process's logger: JSON lines, pretty in a terminal outside production, level from LOG_LEVEL
 * (default info). `write` sends the lines somewhere else instead (the old `log` option of startRealise).
 */
export function createLogger(options: { level?: string; write?: (line: string) => void } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? "info";
  // Errors are logged without the SQL, its parameters or the row details a database error quotes.
  const serializers = { err: loggableError };
  if (options.write) {
    const write = options.write;
    return pino({ level, mixin, serializers }, { write: (line: string) => write(line.trimEnd()) });
  }
  if (process.stdout.isTTY && process.env.NODE_ENV !== "production") {
    return pino({
      level,
      mixin,
      serializers,
      transport: { target: "pino-pretty", options: { colorize: true } },
    });
  }
  return pino({ level, mixin, serializers });
}

/** A tRPC path is logged only when it looks like procedure names; anything else is not ours to repeat. */
const PROCEDURES = /^[A-Za-z0-9_.,]{1,300}$/;

/**
 * One line per request: method, route, status, duration, request id and the signed-in user's id. Never
 * the query, body, cookies or any other free text the client sent.
 */
export function accessLog(logger: Logger): MiddlewareHandler<EdgeEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const path = c.req.path;
    const procedures =
      path.startsWith("/trpc/") && PROCEDURES.test(path.slice(6)) ? path.slice(6) : undefined;
    const status = c.get("sentStatus") ?? c.res.status;
    const line = {
      requestId: c.get("requestId"),
      method: c.req.method,
      route: c.req.routePath,
      ...(procedures ? { procedures } : {}),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.get("userId") ? { userId: c.get("userId") } : {}),
    };
    if (status >= 500) logger.error(line, "request");
    else logger.info(line, "request");
  };
}
