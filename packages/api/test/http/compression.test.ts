import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { acceptsGzip, keptCompression } from "../../src/http/compression.js";

/** A JSON body of about `n` kB whose content says `word`. */
const answer = (word: string, n = 40) =>
  JSON.stringify({ word, rows: Array.from({ length: n * 20 }, (_, i) => ({ i, word })) });

describe("kept compression", () => {
  let body = answer("before");
  const app = new Hono();
  app.use("*", keptCompression({ contentType: /^application\/json/, keptBytes: 64 * 1024 }));
  app.get("/view", (c) => c.body(body, 200, { "content-type": "application/json" }));
  app.get("/small", (c) => c.json({ ok: true }));
  const get = (path: string, encoding = "gzip, deflate, br") =>
    app.request(path, { headers: { "accept-encoding": encoding } });

  it("sends what the handler answered, every time, even after the answer changes", async () => {
    const first = await get("/view");
    expect(first.headers.get("content-encoding")).toBe("gzip");
    expect(first.headers.get("vary")).toBe("Accept-Encoding");
    const firstBytes = Buffer.from(await first.arrayBuffer());
    expect(gunzipSync(firstBytes).toString()).toBe(body);
    expect(firstBytes.length).toBeLessThan(body.length / 4);

    const again = Buffer.from(await (await get("/view")).arrayBuffer());
    expect(again.equals(firstBytes)).toBe(true);

    // Kept by content: a changed answer is never served from what was kept for the old one.
    body = answer("after");
    const changed = Buffer.from(await (await get("/view")).arrayBuffer());
    expect(gunzipSync(changed).toString()).toBe(body);
    expect(gunzipSync(changed).toString()).toContain('"after"');
  });

  it("keeps no more than its bound and still answers correctly once answers are dropped", async () => {
    for (let i = 0; i < 40; i++) {
      body = answer(`word-${i}`, 60);
      const bytes = Buffer.from(await (await get("/view")).arrayBuffer());
      expect(gunzipSync(bytes).toString()).toBe(body);
    }
  });

  it("leaves small answers and clients that do not take gzip uncompressed", async () => {
    const small = await get("/small");
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const plain = await get("/view", "br");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(body);
  });

  it("reads Accept-Encoding as HTTP means it", () => {
    expect(acceptsGzip("gzip")).toBe(true);
    expect(acceptsGzip("br, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("*;q=0.1")).toBe(true);
    expect(acceptsGzip("br, identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("*;q=0")).toBe(false);
  });
});
