import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { createLogger } from "../../src/http/logger.js";
import { signIn, startServer, trpc } from "../safety/http.js";
import { useHarness } from "../support/harness.js";

describe("in https mode only the public origin may write", () => {
  const h = useHarness("pglite");
  let tls: Running;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    tls = await startServer(h.database, {
      publicUrl: "https://realise.example",
      originCheck: true,
      logger: createLogger({ level: "info", write: (line) => lines.push(JSON.parse(line)) }),
    });
  });
  afterAll(async () => tls?.close());

  it("refuses plain-http loopback origins and accepts the public one", async () => {
    const port = (tls.server.address() as { port: number }).port;
    const base = `http://127.0.0.1:${port}`;
    const { cookie, status } = await signIn(base, "editor.rgt@demo.realise", {
      origin: "https://realise.example",
    });
    expect(status).toBe(200);
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      const r = await trpc(base, "adoption.confirmTier", { odsCode: "RGT", tier: 1 }, { cookie, origin });
      expect(r.status, origin).toBe(403);
      expect((await signIn(base, "editor.rgt@demo.realise", { origin })).status, origin).toBe(403);
    }
    const own = await trpc(
      base,
      "adoption.confirmTier",
      { odsCode: "RGT", tier: 1 },
      {
        cookie,
        origin: "https://realise.example",
      },
    );
    expect(own.status).not.toBe(403);
    // Each refusal is a security event in the log.
    expect(
      lines.some((l) => l.event === "security.csrf.refused" && l.origin === `http://localhost:${port}`),
    ).toBe(true);
    const denied = await trpc(
      base,
      "adoption.confirmTier",
      { odsCode: "RR8", tier: 1 },
      {
        cookie,
        origin: "https://realise.example",
      },
    );
    expect(denied.status).toBe(403);
    expect(
      lines.some((l) => l.event === "security.access.denied" && l.procedure === "adoption.confirmTier"),
    ).toBe(true);
  });
});
