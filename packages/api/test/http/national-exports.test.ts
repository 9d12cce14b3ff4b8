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

/** The message of a refusal, which names the field first ("by: …") as the app's boundary writes it. */
const messageOf = async (res: Response) =>
  ((await res.json()) as { error: { message: string } }).error.message;

describe.each(engines)("national CSV downloads on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer(h.database, { demo: false });
    for (const email of [
      "editor.rgt@demo.realise",
      "analyst@demo.realise",
      "icb@demo.realise",
      "region@demo.realise",
    ])
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

  it("gives each milestone's regions and ICBs, and the trusts at risk, as the benefits and plans page does", async () => {
    const plans = await h.as(h.role("national_analyst")).plans.national();
    const byRegion = await get(server, "/exports/milestone-groups.csv", cookies["analyst@demo.realise"]);
    expect(byRegion.headers.get("content-disposition")).toMatch(
      /filename="milestones-by-region-every-milestone-live-\d{4}-\d{2}-\d{2}-framework-v1\.csv"/,
    );
    const regions = (await csv(byRegion)).data;
    const expected = plans.milestones.flatMap((m) =>
      m.byRegion.map((g) => [m.title, g.label, String(g.eligible), String(g.metByTarget), g.status]),
    );
    expect(expected.length).toBeGreaterThan(0);
    const WORDS: Record<string, string> = {
      met: "Met",
      on_track: "On track",
      off_track: "Off track",
      missed: "Missed",
    };
    expect(
      regions.map((r) => [r.Milestone, r.Region, r.Trusts, r["Forecast by the date"], r.Status]),
    ).toEqual(expected.map(([t, l, e, b, s]) => [t, l, e, b, WORDS[s!]]));
    const m = plans.milestones.find((x) => x.atRisk.length > 0)!;
    expect(m).toBeDefined();
    const icbs = (
      await csv(
        await get(
          server,
          `/exports/milestone-groups.csv?by=icb&milestone=${m.milestoneId}`,
          cookies["analyst@demo.realise"],
        ),
      )
    ).data;
    expect(icbs.map((r) => [r.ICB, r["Met now"]])).toEqual(m.byIcb.map((g) => [g.label, String(g.metNow)]));
    expect(icbs.every((r) => r.Milestone === m.title)).toBe(true);
    const atRisk = (
      await csv(
        await get(
          server,
          `/exports/milestones-at-risk.csv?milestone=${m.milestoneId}`,
          cookies["analyst@demo.realise"],
        ),
      )
    ).data;
    expect(atRisk.map((r) => [r["ODS code"], r["Forecast date"], r["Days late"]])).toEqual(
      m.atRisk.map((t) => [
        t.odsCode,
        t.forecastDate ?? "",
        t.slippageDays === null ? "" : String(t.slippageDays),
      ]),
    );
    for (const r of atRisk)
      expect(r.Forecast).toBe(
        r["Forecast date"]
          ? `${r["Forecast date"]} (${r["Days late"]} days late)`
          : "Not reached by its plan",
      );

    const badBy = await get(
      server,
      "/exports/milestone-groups.csv?by=colour",
      cookies["analyst@demo.realise"],
    );
    expect(badBy.status).toBe(400);
    expect(await messageOf(badBy)).toMatch(/^by: /);
    const badMilestone = await get(
      server,
      "/exports/milestones-at-risk.csv?milestone=M-NONE",
      cookies["analyst@demo.realise"],
    );
    expect(badMilestone.status).toBe(400);
    expect(await messageOf(badMilestone)).toMatch(/^milestone: /);
    expect(
      (await get(server, "/exports/milestones-at-risk.csv", cookies["editor.rgt@demo.realise"])).status,
    ).toBe(403);
  });

  it("gives a collection's trusts in the page's order and chosen state, and names a bad period or state", async () => {
    const admin = h.as(await h.principal("admin@demo.realise"));
    const period = "2098/99 Q3";
    await admin.collections.open({ period, opensOn: "2098-10-01", dueOn: "2099-01-31" });
    const status = await h.as(h.role("national_analyst")).collections.status({ period });
    const ORDER = ["not_started", "in_progress", "ready_for_approval", "returned", "submitted", "accepted"];
    const chase = ORDER.slice(0, 4);
    const expected = status.trusts
      .filter((t) => chase.includes(t.state))
      .sort(
        (a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.name.localeCompare(b.name, "en-GB"),
      );
    expect(expected.length).toBeGreaterThan(0);
    const res = await get(
      server,
      `/exports/collection-status.csv?period=${encodeURIComponent(period)}&state=not_submitted`,
      cookies["analyst@demo.realise"],
    );
    expect(res.headers.get("content-disposition")).toMatch(
      /filename="collection-status-2098-99-Q3-not_submitted-framework-v\d+\.csv"/,
    );
    const rows = (await csv(res)).data;
    expect(rows.map((r) => [r["ODS code"], r["Checklist items"]])).toEqual(
      expected.map((t) => [t.odsCode, String(t.checklistItems)]),
    );
    expect(
      rows.every((r) => ["Not started", "In progress", "Ready for approval", "Sent back"].includes(r.State!)),
    ).toBe(true);
    const every = (
      await csv(
        await get(
          server,
          `/exports/collection-status.csv?period=${encodeURIComponent(period)}`,
          cookies["analyst@demo.realise"],
        ),
      )
    ).data;
    expect(every).toHaveLength(status.trusts.length);

    const badState = await get(
      server,
      `/exports/collection-status.csv?period=${encodeURIComponent(period)}&state=lost`,
      cookies["analyst@demo.realise"],
    );
    expect(badState.status).toBe(400);
    expect(await messageOf(badState)).toMatch(/^state: /);
    const badPeriod = await get(
      server,
      "/exports/collection-status.csv?period=2025",
      cookies["analyst@demo.realise"],
    );
    expect(badPeriod.status).toBe(400);
    expect(await messageOf(badPeriod)).toMatch(/^period: /);
    expect(
      (
        await get(
          server,
          "/exports/collection-status.csv?period=2097%2F98%20Q1",
          cookies["analyst@demo.realise"],
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await get(
          server,
          `/exports/collection-status.csv?period=${encodeURIComponent(period)}`,
          cookies["editor.rgt@demo.realise"],
        )
      ).status,
    ).toBe(403);
  });

  it("gives every audit change matching the search, not one page, before → after in words", async () => {
    // More changes than the page shows at once (25): one trust's EPR product renamed 30 times.
    const admin = h.as(await h.principal("admin@demo.realise"));
    for (let i = 1; i <= 30; i++) {
      const org = await h.database.db
        .selectFrom("organisation")
        .select(["version", "epr_status", "epr_supplier"])
        .where("ods_code", "=", "RQM")
        .executeTakeFirstOrThrow();
      await admin.registryAdmin.updateEpr({
        odsCode: "RQM",
        expectedVersion: org.version,
        eprStatus: org.epr_status,
        eprSupplier: org.epr_supplier,
        eprProduct: `Product ${i}`,
      });
    }
    const analyst = h.as(h.role("national_analyst"));
    const search = { action: "organisation" as const, odsCode: "RQM" };
    const entries = [];
    let cursor: string | undefined;
    do {
      const page = await analyst.audit.search({ ...search, pageSize: 100, ...(cursor ? { cursor } : {}) });
      entries.push(...page.entries);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(entries.length).toBeGreaterThan(25); // more than the page shows at once
    const res = await get(
      server,
      "/exports/audit-log.csv?action=organisation&odsCode=RQM&cursor=5",
      cookies["analyst@demo.realise"],
    );
    expect(res.headers.get("content-disposition")).toMatch(
      /filename="audit-log-RQM-organisation-all-dates\.csv"/,
    );
    const rows = (await csv(res)).data;
    expect(rows.map((r) => [r.When, r.Who, r.Change])).toEqual(
      entries.map((e) => [new Date(e.at).toISOString(), e.actor, e.summary]),
    );
    expect(rows.map((r) => r["Before → after"])).toEqual(
      entries.map((e) => e.changes.map((c) => `${c.field}: ${c.before} → ${c.after}`).join("; ")),
    );
    // Newest first: the last rename heads the file.
    expect(rows[0]!["Before → after"]).toBe("EPR product: Product 29 → Product 30");

    const badFrom = await get(
      server,
      "/exports/audit-log.csv?from=2026-13-40",
      cookies["analyst@demo.realise"],
    );
    expect(badFrom.status).toBe(400);
    expect(await messageOf(badFrom)).toMatch(/^from: /);
    const badAction = await get(
      server,
      "/exports/audit-log.csv?action=everything",
      cookies["analyst@demo.realise"],
    );
    expect(badAction.status).toBe(400);
    expect(await messageOf(badAction)).toMatch(/^action: /);
    expect((await get(server, "/exports/audit-log.csv", cookies["editor.rgt@demo.realise"])).status).toBe(
      403,
    );
  });

  it("gives ICB and region viewers the downloads of their pages, narrowed as the pages are, and refuses the rest", async () => {
    const icbViewer = await h.principal("icb@demo.realise");
    const regionViewer = await h.principal("region@demo.realise");
    const icb = cookies["icb@demo.realise"];
    const region = cookies["region@demo.realise"];

    const overview = await h.as(icbViewer).national.overview();
    const national = await h.as(h.role("national_analyst")).national.overview();
    expect(overview.trusts).toBeLessThan(national.trusts);
    const trusts = (await csv(await get(server, "/exports/trusts.csv", icb))).data;
    expect(trusts).toHaveLength(overview.trusts);
    expect((await get(server, "/exports/trusts.csv?icbCode=QWO", icb)).status).toBe(403);

    const benefits = await h.as(regionViewer).benefits.national({});
    const byRegion = (await csv(await get(server, "/exports/benefits.csv?by=region", region))).data;
    expect(byRegion.map((r) => [r.Group, r["Benefit lines"]])).toEqual(
      benefits.byRegion.map((g) => [g.label, String(g.lines)]),
    );

    const plans = await h.as(icbViewer).plans.national();
    const groups = (await csv(await get(server, "/exports/milestone-groups.csv?by=icb", icb))).data;
    expect(groups.map((r) => [r.Milestone, r.ICB, r.Trusts])).toEqual(
      plans.milestones.flatMap((m) => m.byIcb.map((g) => [m.title, g.label, String(g.eligible)])),
    );
    expect(new Set(groups.map((r) => r.ICB)).size).toBe(1);
    const atRisk = (await csv(await get(server, "/exports/milestones-at-risk.csv", region))).data;
    const regionPlans = await h.as(regionViewer).plans.national();
    expect(atRisk.map((r) => r["ODS code"])).toEqual(
      regionPlans.milestones.flatMap((m) => m.atRisk.map((t) => t.odsCode)),
    );
    expect(atRisk.every((r) => r.Region === "East of England")).toBe(true);

    const period = "2098/99 Q3";
    const status = await h.as(icbViewer).collections.status({ period });
    const collection = (
      await csv(await get(server, `/exports/collection-status.csv?period=${encodeURIComponent(period)}`, icb))
    ).data;
    expect(collection.map((r) => r["ODS code"]).sort()).toEqual(status.trusts.map((t) => t.odsCode).sort());
    expect(collection.length).toBeLessThan(national.trusts);

    // The audit log and the registry are the national team's pages: their downloads refuse a viewer too.
    await expect(h.as(icbViewer).audit.search({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await get(server, "/exports/audit-log.csv", icb)).status).toBe(403);
    expect((await get(server, "/exports/registry.csv", region)).status).toBe(403);
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
