import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import type { EdgeEnv } from "./env.js";

const gzipped = promisify(gzip);

/** Answers smaller than this go out as they are: compressing them saves less than it costs. */
const THRESHOLD_BYTES = 1024;
/** Compressed answers kept, in bytes (the national views at ten times England are 10–70 kB each). */
const KEPT_BYTES = 32 * 1024 * 1024;

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const VARY_ACCEPT_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/** Whether Accept-Encoding allows gzip (named with q > 0, or `*` with q > 0 and gzip not refused). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard = 0;
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    const coding = name.trim().toLowerCase();
    if (coding === "gzip") return weight > 0;
    if (coding === "*") wildcard = weight;
  }
  return wildcard > 0;
}

/**
 * Gzip for JSON and CSV answers, keeping each compressed answer by the hash of its bytes (issue 18). The
 * national views are kept per data version, so the same 700 kB heatmap is sent again and again: hashing
 * it costs a fraction of a millisecond, compressing it again 10–20 ms of the server's one thread, which
 * everyone else waits behind. Keyed by content, a kept answer can never be another one's: whatever the
 * procedure answered is exactly what is compressed. Compression runs on libuv's thread pool, off the
 * event loop.
 */
export function keptCompression(options: {
  contentType: RegExp;
  keptBytes?: number;
}): MiddlewareHandler<EdgeEnv> {
  const limit = options.keptBytes ?? KEPT_BYTES;
  const kept = new Map<string, Promise<Buffer>>();
  const sizes = new Map<string, number>();
  let total = 0;

  const remember = (key: string, bytes: Promise<Buffer>) => {
    kept.set(key, bytes);
    bytes.then(
      (b) => {
        if (kept.get(key) !== bytes) return;
        sizes.set(key, b.length);
        total += b.length;
        // Oldest first: a Map iterates in insertion order, and a hit moves its key to the end.
        for (const [k] of kept) {
          if (total <= limit) break;
          const size = sizes.get(k);
          if (size === undefined) continue;
          kept.delete(k);
          sizes.delete(k);
          total -= size;
        }
      },
      () => kept.get(key) === bytes && kept.delete(key),
    );
  };

  const compressed = (body: Buffer): Promise<Buffer> => {
    const key = createHash("sha256").update(body).digest("base64");
    const hit = kept.get(key);
    if (hit) {
      kept.delete(key);
      kept.set(key, hit);
      return hit;
    }
    const bytes = gzipped(body);
    remember(key, bytes);
    return bytes;
  };

  return async (c, next) => {
    await next();
    const res = c.res;
    if (
      c.req.method === "HEAD" ||
      !res.body ||
      res.status === 206 ||
      res.headers.has("content-encoding") ||
      res.headers.has("transfer-encoding") ||
      !options.contentType.test(res.headers.get("content-type") ?? "") ||
      NO_TRANSFORM.test(res.headers.get("cache-control") ?? "")
    )
      return;
    const vary = res.headers.get("vary");
    if (vary !== "*" && !(vary && VARY_ACCEPT_ENCODING.test(vary)))
      c.header("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (!acceptsGzip(c.req.header("accept-encoding"))) return;
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length < THRESHOLD_BYTES) {
      c.res = new Response(body, res);
      return;
    }
    c.res = new Response(await compressed(body), res);
    c.res.headers.set("content-encoding", "gzip");
    c.res.headers.delete("content-length");
    const etag = c.res.headers.get("etag");
    if (etag && !etag.startsWith("W/")) c.res.headers.set("etag", `W/${etag}`);
  };
}
