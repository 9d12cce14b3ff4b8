import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/**
 * Serve a built single-page app from `root` under `prefix`: real files when they exist, otherwise
 * index.html so deep links and reloads work. Paths cannot escape the root.
 */
export function spaHandler(root: string, prefix: string) {
  let indexHtml: Buffer | undefined;
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const relative = decodeURIComponent(pathname.slice(prefix.length));
    const file = normalize(join(root, relative));
    if (file.startsWith(root + sep) || file === root) {
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) {
        res.statusCode = 200;
        res.setHeader("content-type", TYPES[extname(file)] ?? "application/octet-stream");
        res.setHeader("content-length", info.size);
        // Vite fingerprints everything under assets/, so those never change.
        res.setHeader(
          "cache-control",
          relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache",
        );
        if (req.method === "HEAD") return void res.end();
        createReadStream(file).pipe(res);
        return;
      }
    }
    if (extname(relative) && relative.startsWith("assets/")) {
      res.statusCode = 404;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      return void res.end("Not found");
    }
    try {
      indexHtml ??= await readFile(join(root, "index.html"));
    } catch {
      res.statusCode = 503;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      return void res.end(`This app is not built yet: run "pnpm build" (looked in ${root}).`);
    }
    res.statusCode = 200;
    res.setHeader("content-type", TYPES[".html"]!);
    res.setHeader("cache-control", "no-cache");
    res.end(req.method === "HEAD" ? undefined : indexHtml);
  };
}
