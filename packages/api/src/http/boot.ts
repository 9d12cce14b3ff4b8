import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { getRequestListener, RequestError } from "@hono/node-server";
import { createDatabase, type Database, migrateToLatest, seedIfEmpty } from "@realise/db";
import type { Hono } from "hono";
import type { FairUseKind, FairUseRule } from "@realise/domain";
import { type Auth, createAuth, migrateAuth } from "../auth/auth.js";
import { createFairUse } from "../security/fair-use.js";
import { seedDemoAccounts } from "../seed/demo-accounts.js";
import { seedDemoReturns } from "../seed/demo-returns.js";
import { startMail } from "./mail.js";
import { migrateAsOwner, warnSingleRole } from "./db-roles.js";
import { createApp, createStartingApp } from "./app.js";
import type { EdgeEnv } from "./env.js";
import { edgeHeaders } from "./headers.js";
import { createLogger, type Logger } from "./logger.js";

export interface BootOptions {
  port?: number;
  host?: string;
  databaseUrl?: string | undefined;
  /** The owner's URL: migrations run as it, then grant `databaseUrl`'s role what the server needs. */
  databaseAdminUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Demo accounts and adoption data; on unless production. */
  demo?: boolean;
  /** Public origin; defaults to http://localhost:<port>. */
  publicUrl?: string | undefined;
  authSecret?: string | undefined;
  rateLimit?: boolean;
  /**
   * Limit each client's use of the expensive views, downloads and open data (429 with Retry-After),
   * counted in the database so every instance holds the same limits; a rule set replaces the defaults
   * (tests). Off unless asked for.
   */
  fairUse?: boolean | Partial<Record<FairUseKind, FairUseRule>>;
  /** Check the Origin of auth requests even under NODE_ENV=test (always checked otherwise). */
  originCheck?: boolean;
  webDist?: string;
  adminDist?: string;
  /** Use an already open database (tests). */
  database?: Database;
  /** Where log lines go; a pino logger built from LOG_LEVEL when absent. */
  logger?: Logger;
  /** Older form of `logger`: each JSON log line is handed to this function (`() => {}` silences). */
  log?: (line: string) => void;
  /** Open data withholds the breakdown of groups with fewer trusts than this (default 5). */
  suppressBelow?: number;
}

export interface Running {
  url: string;
  server: http.Server;
  database: Database;
  auth: Auth;
  logger: Logger;
  /** Stop accepting, let requests in flight finish (up to `graceMs`, default 10 s), then close the pool. */
  close(graceMs?: number): Promise<void>;
}

/** Longest one statement of a request may run on PostgreSQL (PGlite has no equivalent). */
export const STATEMENT_TIMEOUT_MS = 10_000;

const distOf = (app: string) => fileURLToPath(new URL(`../../../../apps/${app}/dist`, import.meta.url));

/** The answer a raw socket gets when Node cannot even parse its request: still a 400 with our headers. */
function clientErrorAnswer(secure: boolean, status: 400 | 431): string {
  const headers = edgeHeaders({ secure, requestId: undefined, path: "", cookie: undefined });
  const body = JSON.stringify({ error: { message: "Malformed HTTP request" } });
  return [
    status === 431 ? "HTTP/1.1 431 Request Header Fields Too Large" : "HTTP/1.1 400 Bad Request",
    "content-type: application/json; charset=utf-8",
    `content-length: ${Buffer.byteLength(body)}`,
    "connection: close",
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    "",
    body,
  ].join("\r\n");
}

/** Open the database, migrate, seed an empty one, and serve everything on one port. */
export async function startRealise(options: BootOptions = {}): Promise<Running> {
  const logger = options.logger ?? createLogger(options.log ? { write: options.log } : {});
  const production = process.env.NODE_ENV === "production";
  const demo = options.demo ?? !production;
  const secret = options.authSecret ?? process.env.AUTH_SECRET;
  if (!secret && production) throw new Error("AUTH_SECRET must be set in production (32+ random characters)");

  const database =
    options.database ??
    (await createDatabase({
      databaseUrl: options.databaseUrl,
      dataDir: options.dataDir,
      // A request's database work is bounded; migrations and seeding run well within it.
      statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    }));
  const adminUrl = database.engine === "postgres" ? options.databaseAdminUrl : undefined;
  if (!adminUrl) warnSingleRole(logger, database.engine);
  const applied = adminUrl
    ? await migrateAsOwner(adminUrl, database, logger)
    : await migrateToLatest(database.db);
  const seed = await seedIfEmpty(database.db, { demo });

  // Listening comes first (the origin needs the port); until the app is ready every request gets a 503
  // with the same headers as any other answer, never silence.
  const secure = (options.publicUrl ?? "").startsWith("https:");
  let current: Hono<EdgeEnv> = createStartingApp(database, secure, logger);
  const listener = getRequestListener((request, env) => current.fetch(request, env), {
    // Failures outside Hono's own boundary (a request Node's adapter cannot turn into a Request).
    errorHandler: (error: unknown) => {
      const headers = edgeHeaders({ secure, requestId: undefined, path: "", cookie: undefined });
      const status = error instanceof RequestError ? 400 : 500;
      if (status === 500) logger.error({ err: error }, "request failed outside the app");
      return Response.json(
        { error: { message: status === 400 ? "Malformed request" : "Internal error" } },
        { status, headers },
      );
    },
  });
  const server = http.createServer((req, res) => {
    listener(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "answer could not be sent");
      if (!res.headersSent)
        res.writeHead(500, edgeHeaders({ secure, requestId: undefined, path: "", cookie: undefined }));
      res.end();
    });
  });
  // Node's own parser refuses some requests before Hono sees them; they still get our headers. Only a
  // socket that has sent nothing yet gets an answer: after a response, more bytes would corrupt it.
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || socket.bytesWritten > 0 || error.code === "ECONNRESET") return socket.destroy();
    socket.end(clientErrorAnswer(secure, error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 3000, options.host ?? "127.0.0.1", resolve),
  );
  const port = (server.address() as AddressInfo).port;
  const origin = options.publicUrl ?? `http://localhost:${port}`;
  // Behind TLS only the public origin may write; plain-http loopback origins are for development.
  const trustedOrigins = origin.startsWith("https:")
    ? [origin]
    : [...new Set([origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
  // One store of request limits in the database: better-auth's auth limits and the views' fair use.
  const limits = createFairUse(
    database,
    typeof options.fairUse === "object" ? { rules: options.fairUse } : {},
  );
  const auth = createAuth(database, {
    rateLimitStorage: limits,
    baseURL: origin,
    // Without a configured secret (development), sessions last as long as the process.
    secret: secret ?? randomBytes(32).toString("hex"),
    trustedOrigins,
    rateLimit: options.rateLimit,
    originCheck: options.originCheck,
    logger,
  });
  if (!adminUrl) await migrateAuth(auth, database);
  const accounts = demo ? await seedDemoAccounts(database, auth) : 0;
  const history = demo ? await seedDemoReturns(database) : { returns: 0, snapshots: 0 };
  current = createApp({
    database,
    auth,
    origin,
    trustedOrigins,
    logger,
    webDist: options.webDist ?? distOf("web"),
    adminDist: options.adminDist ?? distOf("admin"),
    suppressBelow: options.suppressBelow ?? (Number(process.env.REALISE_SUPPRESS_BELOW) || undefined),
    fairUse: options.fairUse ? limits : undefined,
  });
  const mail = startMail({ database, logger, appUrl: origin });
  logger.info(
    {
      origin,
      mail: mail.transport,
      database: database.engine,
      migrationsApplied: applied.length,
      ...(seed.seeded
        ? {
            seeded: {
              trusts: seed.organisations,
              adoptionRecords: seed.adoptionRecords,
              demoAccounts: accounts,
              demoReturns: history.returns,
              officialSnapshots: history.snapshots,
            },
          }
        : {}),
    },
    `Realise on ${origin}`,
  );

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    server,
    database,
    auth,
    logger,
    close(graceMs = 10_000) {
      closing ??= (async () => {
        // Stop accepting. Node's close() would also drop every socket without a parsed request at once,
        // a request still in the socket's buffer included, so idle sockets are swept a moment later (and
        // then regularly); a busy one closes once its answer is sent.
        const closeIdle = server.closeIdleConnections.bind(server);
        server.closeIdleConnections = () => {};
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        const sweep = setInterval(closeIdle, 300);
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<"late">((resolve) => {
          timer = setTimeout(() => resolve("late"), graceMs);
        });
        if ((await Promise.race([drained, late])) === "late") {
          logger.warn(
            { graceMs },
            "requests still running after the grace period; closing their connections",
          );
          server.closeAllConnections();
          await drained;
        }
        clearTimeout(timer);
        clearInterval(sweep);
        await mail.stop();
        server.closeIdleConnections = closeIdle;
        if (!options.database) await database.close();
      })();
      return closing;
    },
  };
}
