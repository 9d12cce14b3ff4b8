import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createDatabase, type Database, migrateToLatest, seedIfEmpty } from "@realise/db";
import { type Auth, createAuth, migrateAuth } from "../auth/auth.js";
import { seedDemoAccounts } from "../seed/demo-accounts.js";
import { seedDemoReturns } from "../seed/demo-returns.js";
import { createRequestListener } from "./app.js";
import { Hono } from "hono";
import { createOpenDataApp } from "../http/open-data/index.js";
import { sendFetchResponse, toFetchRequest } from "./fetch-bridge.js";

export interface BootOptions {
  port?: number;
  host?: string;
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Demo accounts and adoption data; on unless production. */
  demo?: boolean;
  /** Public origin; defaults to http://localhost:<port>. */
  publicUrl?: string | undefined;
  authSecret?: string | undefined;
  rateLimit?: boolean;
  /** Check the Origin of auth requests even under NODE_ENV=test (always checked otherwise). */
  originCheck?: boolean;
  webDist?: string;
  adminDist?: string;
  /** Use an already open database (tests). */
  database?: Database;
  log?: (line: string) => void;
  /** Open data withholds the breakdown of groups with fewer trusts than this (default 5). */
  suppressBelow?: number;
}

export interface Running {
  url: string;
  server: http.Server;
  database: Database;
  auth: Auth;
  close(): Promise<void>;
}

const distOf = (app: string) => fileURLToPath(new URL(`../../../../apps/${app}/dist`, import.meta.url));

/** Open the database, migrate, seed an empty one, and serve everything on one port. */
export async function startRealise(options: BootOptions = {}): Promise<Running> {
  const log = options.log ?? ((line: string) => console.log(line));
  const production = process.env.NODE_ENV === "production";
  const demo = options.demo ?? !production;
  const secret = options.authSecret ?? process.env.AUTH_SECRET;
  if (!secret && production) throw new Error("AUTH_SECRET must be set in production (32+ random characters)");

  const database =
    options.database ??
    (await createDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir }));
  const applied = await migrateToLatest(database.db);
  const seed = await seedIfEmpty(database.db, { demo });

  // Listening comes first (the origin needs the port); until the app is ready every request gets a 503,
  // never silence.
  let ready: http.RequestListener | undefined;
  const server = http.createServer((req, res) => {
    if (ready) return ready(req, res);
    res.statusCode = 503;
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.setHeader("retry-after", "1");
    res.end(JSON.stringify({ status: "starting", database: database.engine }));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 3000, options.host ?? "127.0.0.1", resolve),
  );
  const port = (server.address() as AddressInfo).port;
  const origin = options.publicUrl ?? `http://localhost:${port}`;
  const trustedOrigins = [...new Set([origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
  const auth = createAuth(database, {
    baseURL: origin,
    // Without a configured secret (development), sessions last as long as the process.
    secret: secret ?? randomBytes(32).toString("hex"),
    trustedOrigins,
    rateLimit: options.rateLimit,
    originCheck: options.originCheck,
  });
  await migrateAuth(auth);
  const accounts = demo ? await seedDemoAccounts(database, auth) : 0;
  if (demo) await seedDemoReturns(database);
  ready = createRequestListener({
    database,
    auth,
    origin,
    trustedOrigins,
    webDist: options.webDist ?? distOf("web"),
    adminDist: options.adminDist ?? distOf("admin"),
    extraRoutes: (() => {
      // Open data is a Hono app; until the whole server is one, it is bridged in here under /api/v1. Errors it
      // does not answer itself reach this server's own catch (503 when the database is away).
      const openData = new Hono()
        .route(
          "/api/v1",
          createOpenDataApp({
            database,
            origin,
            suppressBelow: options.suppressBelow ?? (Number(process.env.REALISE_SUPPRESS_BELOW) || undefined),
          }),
        )
        .onError((error) => {
          throw error;
        });
      return async (req, res, url) => {
        if (url.pathname !== "/api/v1" && !url.pathname.startsWith("/api/v1/")) return false;
        await sendFetchResponse(res, await openData.fetch(await toFetchRequest(req, origin)));
        return true;
      };
    })(),
  });
  log(
    `Realise on ${origin} (database: ${database.engine}; migrations applied: ${applied.length}; ` +
      `${seed.seeded ? `seeded ${seed.organisations} trusts, ${seed.adoptionRecords} adoption records, ${accounts} demo accounts` : "existing data"})`,
  );
  return {
    url: origin,
    server,
    database,
    auth,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.database) await database.close();
    },
  };
}
