import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Database } from "@realise/db";
import { Hono } from "hono";
import { openDataRoutes } from "../open-data/index.js";
import type { EdgeEnv } from "./env.js";
import { edgeHeaders } from "./headers.js";

/**
 * TEMPORARY: the open-data routes in their old Node req/res form, mounted in Hono until the Hono sub-app
 * (`./open-data/`, `createOpenDataApp`) lands. Delete this file and mount that app instead.
 */
export function createOpenDataBridge(options: {
  database: Database;
  origin: string;
  suppressBelow?: number | undefined;
  secure: boolean;
}): Hono<EdgeEnv> {
  const routes = openDataRoutes({
    database: options.database,
    origin: options.origin,
    ...(options.suppressBelow ? { suppressBelow: options.suppressBelow } : {}),
  });
  const app = new Hono<EdgeEnv>();
  app.all("*", async (c) => {
    const { incoming, outgoing } = c.env;
    // The old handler writes to Node's response itself, so the edge headers go there first.
    const headers = edgeHeaders({
      secure: options.secure,
      requestId: c.get("requestId"),
      path: c.req.path,
      cookie: c.req.header("cookie"),
    });
    for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, value);
    if (headers["cache-control"]) {
      // A signed-in request's answer is never cacheable, whatever the route would allow.
      const setHeader = outgoing.setHeader.bind(outgoing);
      outgoing.setHeader = ((name: string, value: number | string | readonly string[]) =>
        name.toLowerCase() === "cache-control"
          ? outgoing
          : setHeader(name, value)) as typeof outgoing.setHeader;
    }
    const url = new URL(incoming.url ?? "/", options.origin);
    const handled = await routes(incoming, outgoing, url);
    if (!handled) return c.json({ error: { message: "Not found" } }, 404);
    c.set("alreadySent", true);
    c.set("sentStatus", outgoing.statusCode);
    return RESPONSE_ALREADY_SENT;
  });
  return app;
}
