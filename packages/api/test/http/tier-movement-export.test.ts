import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { signIn, startServer } from "../safety/http.js";
import { engines, useHarness } from "../support/harness.js";

describe.each(engines)("the tier movement table as CSV on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  let cookie = "";

  beforeAll(async () => {
    server = await startServer(h.database, { demo: false });
    cookie = (await signIn(server.url, "analyst@demo.realise")).cookie;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("gives the same counts as the comparison, with both periods in the file name", async () => {
    const list = (await h.as(h.role("national_admin")).snapshots.list()) as {
      period: string;
      status: string;
    }[];
    const [to, from] = list.filter((s) => s.status === "published").map((s) => s.period);
    const c = await h.as(h.role("national_analyst")).national.comparePeriods({ from: from!, to: to! });
    const q = new URLSearchParams({ from: from!, to: to!, view: "compare" });
    const res = await fetch(`${server.url}/exports/tier-movement.csv?${q}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const slug = (p: string) => p.replaceAll("/", "-").replaceAll(" ", "-");
    expect(res.headers.get("content-disposition")).toContain(`tier-movement-${slug(from!)}-to-${slug(to!)}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes.slice(3)), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(c.movement.length);
    parsed.data.forEach((row, n) => {
      expect(Number(row.Trusts)).toBe(c.movement[n]!.reduce((a, b) => a + b, 0));
    });
    expect(parsed.data.reduce((s, r) => s + Number(r.Trusts), 0)).toBe(c.inBoth);
    const bad = await fetch(`${server.url}/exports/tier-movement.csv?from=2019%2F20%20Q1&to=${q.get("to")}`, {
      headers: { cookie },
    });
    expect(bad.status).toBe(400);
  });
});
