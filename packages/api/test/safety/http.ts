import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@realise/db";
import { type BootOptions, type Running, startRealise } from "../../src/http/boot.js";
import { createLogger } from "../../src/http/logger.js";

/** A tiny built app, so the SPA routes answer without a real build. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "realise-dist-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Realise</title><div id=root></div>");
  return dir;
}

/** A real HTTP server on a free port over the given database. */
export async function startServer(database: Database, options: Partial<BootOptions> = {}): Promise<Running> {
  const dist = fakeDist();
  return startRealise({
    port: 0,
    database,
    demo: true,
    webDist: dist,
    adminDist: dist,
    logger: createLogger({ level: process.env.LOG_LEVEL ?? "silent" }),
    ...options,
  });
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

/** One request, with full control of headers and the source address (node's fetch hides both). */
export function request(
  base: string,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    localAddress?: string;
  } = {},
): Promise<Answer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Sign in through better-auth's HTTP endpoint; returns the session cookie to send back. */
export async function signIn(
  base: string,
  email: string,
  options: { password?: string; origin?: string; localAddress?: string } = {},
): Promise<{ status: number; cookie: string; setCookie: string[]; answer: Answer }> {
  const answer = await request(base, "/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: options.origin ?? base },
    body: JSON.stringify({ email, password: options.password ?? "realise-demo" }),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  const setCookie = ([] as string[]).concat(answer.headers["set-cookie"] ?? []);
  const cookie = setCookie.map((c) => c.split(";")[0]).join("; ");
  return { status: answer.status, cookie, setCookie, answer };
}

/** Call a tRPC procedure over HTTP with superjson's wire format. */
export async function trpc(
  base: string,
  path: string,
  input: unknown,
  options: { cookie?: string; origin?: string | null; method?: "GET" | "POST" } = {},
): Promise<Answer & { data: unknown; error: { message: string; code: string } | null }> {
  const method = options.method ?? "POST";
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin !== null) headers.origin = options.origin ?? base;
  const wire = JSON.stringify({ json: input });
  const answer =
    method === "GET"
      ? await request(base, `/trpc/${path}?input=${encodeURIComponent(wire)}`, { headers })
      : await request(base, `/trpc/${path}`, { method, headers, body: wire });
  const body = answer.json as {
    result?: { data?: { json?: unknown } };
    error?: { json?: { message: string; data?: { code: string } } };
  } | null;
  return {
    ...answer,
    data: body?.result?.data?.json,
    error: body?.error?.json
      ? { message: body.error.json.message, code: body.error.json.data?.code ?? "" }
      : null,
  };
}
