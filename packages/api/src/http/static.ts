import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Handler } from "hono";
import type { EdgeEnv } from "./env.js";

const IMMUTABLE = "public, max-age=31536000, immutable";

/** 405 for a method a route does not take, naming the ones it does. */
export function methodNotAllowed(c: Context<EdgeEnv>, allow: string) {
  c.header("allow", allow);
  return c.json({ error: { message: `${c.req.method} is not allowed here; use ${allow}` } }, 405);
}

/**
 * A built single-page app from `root` under `prefix` ("/" or "/admin/"): real files when they exist (the
 * `.br`/`.gz` twin when the client accepts it), otherwise index.html so deep links and reloads work. Vite
 * fingerprints everything under assets/, so those are cached for a year; a missing asset is a 404, not the
 * app. Only GET and HEAD: an app page does not take a POST.
 */
export function singlePageApp(root: string, prefix: string): Handler<EdgeEnv> {
  const strip = (path: string) => `/${path.slice(prefix.length)}`;
  const files = serveStatic<EdgeEnv>({ root, precompressed: true, rewriteRequestPath: strip });
  const index = serveStatic<EdgeEnv>({ path: join(root, "index.html"), precompressed: true });
  const none = async () => {};
  return async (c) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return methodNotAllowed(c, "GET, HEAD");
    const relative = c.req.path.slice(prefix.length);
    const asset = relative.startsWith("assets/");
    // The app's own folder answers with index.html; only named files are looked up.
    const file = relative !== "" && !relative.endsWith("/") ? await files(c, none) : undefined;
    if (file) {
      file.headers.set("cache-control", asset ? IMMUTABLE : "no-cache");
      return file;
    }
    if (asset) return c.text("Not found", 404);
    if (!existsSync(join(root, "index.html")))
      return c.text(`This app is not built yet: run "pnpm build" (looked in ${root}).`, 503);
    const page = await index(c, none);
    if (!page) return c.text("Not found", 404);
    page.headers.set("cache-control", "no-cache");
    return page;
  };
}
