import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { signIn, startServer } from "../safety/http.js";
import { engines, useHarness } from "../support/harness.js";

const get = (server: Running, path: string, cookie?: string) =>
  fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });

async function csv(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
}

describe.each(engines)("national CSV downloads on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer(h.database, { demo: false });
    for (const email of ["editor.rgt@demo.realise", "analyst@demo.realise"])
      cookies[email] = (await signIn(server.url, email)).cookie;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("gives the heatmap with the page's filters, the period and framework version in the name", async () => {
    const map = await h.as(h.role("national_analyst")).national.heatmap({ region: "London", sort: "tier" });
    const res = await get(
      server,
      "/exports/heatmap.csv?region=London&sort=tier&view=table",
      cookies["analyst@demo.realise"],
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      new RegExp(
        `^attachment; filename="heatmap-live-\\d{4}-\\d{2}-\\d{2}-framework-v${map.frameworkVersion}\\.csv"$`,
      ),
    );
    const { data, meta } = await csv(res);
    expect(data.map((r) => r["ODS code"])).toEqual(map.trusts.map((t) => t.odsCode));
    const f = map.functionalities[0]!;
    const column = `${f.code} ${f.name}`;
    expect(meta.fields).toContain(column);
    const w = map.functionalities.length;
    data.forEach((row, i) => {
      const level = map.levels[i * w]!;
      expect(row[column]).toBe(level >= 0 ? `L${level}` : "n/a");
    });
  });

  it("gives the overview's tables with their filters and counts", async () => {
    const o = await h.as(h.role("national_analyst")).national.overview({ trustType: "ambulance" });
    const groups = await csv(
      await get(
        server,
        "/exports/groups.csv?trustType=ambulance&groupBy=region",
        cookies["analyst@demo.realise"],
      ),
    );
    expect(groups.data.map((r) => [r.Group, Number(r.Trusts)])).toEqual(
      o.groups.region.map((g) => [g.label, g.trusts]),
    );
    const trusts = await csv(
      await get(server, "/exports/trusts.csv?trustType=ambulance", cookies["analyst@demo.realise"]),
    );
    expect(trusts.data).toHaveLength(o.trusts);
    expect(trusts.data.every((r) => r["Trust type"] === "ambulance")).toBe(true);
    const tiers = await csv(
      await get(server, "/exports/tiers.csv?trustType=ambulance", cookies["analyst@demo.realise"]),
    );
    expect(tiers.data.map((r) => Number(r.Trusts))).toEqual(o.tierCounts);
    const milestones = await csv(
      await get(server, "/exports/milestones.csv", cookies["analyst@demo.realise"]),
    );
    expect(milestones.data.length).toBeGreaterThan(0);
    // The milestone status in the same words as every page: met, on track, off track or missed.
    for (const row of milestones.data)
      expect(["Met", "On track", "Off track", "Missed"]).toContain(row.Status);
    const trends = await get(server, "/exports/trends.csv", cookies["analyst@demo.realise"]);
    expect(trends.headers.get("content-disposition")).toMatch(
      /filename="trends-\d{4}-\d{2}-Q\d-to-\d{4}-\d{2}-Q\d-framework-v1\.csv"/,
    );
    expect((await csv(trends)).data).toHaveLength(4);
  });

  it("gives the benefits, returns and registry tables with the figures of their pages", async () => {
    const analyst = h.as(h.role("national_analyst"));
    const benefits = await analyst.benefits.national({});
    const byClass = await get(server, "/exports/benefits.csv?by=class", cookies["analyst@demo.realise"]);
    expect(byClass.headers.get("content-disposition")).toMatch(
      /filename="benefits-by-class-live-\d{4}-\d{2}-\d{2}-framework-v1\.csv"/,
    );
    const classes = (await csv(byClass)).data;
    expect(benefits.totals.lines).toBeGreaterThan(0);
    expect(classes.map((r) => [r["Benefit lines"], r["Expected (£)"]])).toEqual(
      benefits.byClass.map((g) => [String(g.lines), String(Math.round(g.expectedGbp))]),
    );
    // Classes in words, as on the page, never the schema's names.
    expect(classes.every((r) => !r.Group?.includes("_"))).toBe(true);
    const byType = (await csv(await get(server, "/exports/benefits.csv", cookies["analyst@demo.realise"])))
      .data;
    expect(byType.map((r) => r.Group)).toEqual(benefits.byType.map((t) => t.label));

    const accepted = await analyst.returns.queue({ status: "accepted" });
    const returns = await get(
      server,
      "/exports/returns.csv?status=accepted",
      cookies["analyst@demo.realise"],
    );
    expect(returns.headers.get("content-disposition")).toMatch(
      /filename="returns-accepted-all-periods-framework-v1\.csv"/,
    );
    const rows = (await csv(returns)).data;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r["ODS code"], r.Period])).toEqual(accepted.map((r) => [r.odsCode, r.period]));
    expect(rows.every((r) => r.Status === "Accepted")).toBe(true);

    const listed = await analyst.organisations.list({ search: "Guy" });
    const registry = (
      await csv(await get(server, "/exports/registry.csv?search=Guy", cookies["analyst@demo.realise"]))
    ).data;
    expect(registry.map((r) => r["ODS code"])).toEqual(listed.map((o) => o.odsCode));
    expect(registry.length).toBeGreaterThan(0);

    const badStatus = await get(server, "/exports/returns.csv?status=lost", cookies["analyst@demo.realise"]);
    expect(badStatus.status).toBe(400);
    expect(JSON.stringify(await badStatus.json())).toContain("status");
    const badBy = await get(server, "/exports/benefits.csv?by=colour", cookies["analyst@demo.realise"]);
    expect(badBy.status).toBe(400);
    expect((await get(server, "/exports/registry.csv", cookies["editor.rgt@demo.realise"])).status).toBe(403);
  });

  it("neutralises a formula in a cell, so a spreadsheet never runs it", async () => {
    await h.database.db
      .updateTable("organisation")
      .set({ name: '=HYPERLINK("http://x")' })
      .where("ods_code", "=", "RRU")
      .execute();
    const { data } = await csv(
      await get(server, "/exports/trusts.csv?trustType=ambulance", cookies["analyst@demo.realise"]),
    );
    const row = data.find((r) => r["ODS code"] === "RRU")!;
    expect(row.Trust).toBe('\'=HYPERLINK("http://x")');
  });

  it("is for the national team only, and names a bad filter", async () => {
    expect((await get(server, "/exports/trusts.csv")).status).toBe(401);
    expect((await get(server, "/exports/trusts.csv", cookies["editor.rgt@demo.realise"])).status).toBe(403);
    const bad = await get(server, "/exports/trusts.csv?trustType=hospital", cookies["analyst@demo.realise"]);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("trustType");
    const group = await get(server, "/exports/groups.csv?groupBy=colour", cookies["analyst@demo.realise"]);
    expect(group.status).toBe(400);
    expect((await get(server, "/exports/secrets.csv", cookies["analyst@demo.realise"])).status).toBe(404);
  });
});
