import Papa from "papaparse";
import { periodOf, previousPeriod } from "@realise/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startRealise } from "../src/http/boot.js";
import { engines, useHarness } from "./support/harness.js";

/** The latest ended quarter: the demo froze and published its official figures. */
const PERIOD = previousPeriod(periodOf(new Date(), "quarter"));
const SLUG = PERIOD.replace("/", "-").replace(" ", "-");

interface Group {
  group: string | null;
  trusts: number;
  withheldTrusts: number;
  suppressed: boolean;
  tierCounts: number[] | null;
}

const csvRows = (text: string) =>
  Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

describe.each(engines)("open-data suppression on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  // biome-ignore lint/suspicious/noExplicitAny: the test reads open-data JSON whose shape it then asserts
  const json = async (path: string): Promise<any> => (await fetch(`${server.url}/api/v1${path}`)).json();
  const text = async (path: string) => (await fetch(`${server.url}/api/v1${path}`)).text();

  // The default threshold (5): nothing passed.
  beforeAll(async () => {
    server = await startRealise({ port: 0, database: h.database, demo: false, log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("does not give back a small ICB's tiers by summing per-trust rows or differencing its region's total", async () => {
    const truth = await h.database.db
      .selectFrom("snapshot_organisation")
      .select(["ods_code", "region", "icb_code", "attained_tier"])
      .where("period", "=", PERIOD)
      .execute();
    const icbs: { data: Group[]; meta: { suppressBelow: number } } = await json(
      `/snapshots/${SLUG}/adoption?groupBy=icb`,
    );
    expect(icbs.meta.suppressBelow).toBe(5);
    const small = icbs.data.find((g) => g.suppressed && g.group !== null);
    expect(small, "the demo snapshot has an ICB below the threshold").toBeDefined();
    const members = truth.filter((t) => t.icb_code === small?.group);
    expect(members).toHaveLength(small?.trusts ?? -1);
    const secret = [0, 1, 2, 3, 4, 5].map((n) => members.filter((m) => m.attained_tier === n).length);
    const region = members[0]?.region;

    // Summing per-trust rows: none of the small ICB's trusts has a row, in JSON or CSV.
    const rows: { data: { odsCode: string }[]; meta: { withheldTrusts: number } } = await json(
      `/snapshots/${SLUG}/adoption`,
    );
    const published = new Set(rows.data.map((r) => r.odsCode));
    const csvPublished = new Set(
      csvRows(await text(`/snapshots/${SLUG}/adoption.csv`)).map((r) => r.odsCode),
    );
    expect(csvPublished).toEqual(published);
    for (const m of members) expect(published.has(m.ods_code), m.ods_code).toBe(false);
    expect(rows.meta.withheldTrusts).toBeGreaterThanOrEqual(members.length);

    // Differencing: the region's published total minus the tiers of its trusts with published rows (which a
    // reader can work out from their levels) would be what the rows leave out, the small ICB among it.
    const regions: { data: Group[] } = await json(`/snapshots/${SLUG}/adoption?groupBy=region`);
    const total = regions.data.find((g) => g.group === region);
    expect(total?.suppressed).toBe(false);
    const residual = (total?.tierCounts ?? []).map(
      (n, tier) =>
        n -
        truth.filter((t) => t.region === region && published.has(t.ods_code) && t.attained_tier === tier)
          .length,
    );
    expect(residual.every((n) => n === 0)).toBe(true);
    expect(residual).not.toEqual(secret);
    expect(total?.withheldTrusts).toBeGreaterThanOrEqual(members.length);

    // The difference of the region's total and its open ICBs' totals leaves nothing either.
    const openIcbs = icbs.data.filter(
      (g) => !g.suppressed && truth.some((t) => t.icb_code === g.group && t.region === region),
    );
    const difference = (total?.tierCounts ?? []).map(
      (n, tier) => n - openIcbs.reduce((sum, g) => sum + (g.tierCounts?.[tier] ?? 0), 0),
    );
    expect(difference.reduce((a, b) => a + b, 0)).toBe(0);

    // The CSV carries the same counts as the JSON.
    const csvRegion = csvRows(await text(`/snapshots/${SLUG}/adoption.csv?groupBy=region`)).find(
      (r) => r.group === region,
    );
    expect(csvRegion).toMatchObject({
      trusts: String(total?.trusts),
      withheldTrusts: String(total?.withheldTrusts),
    });

    // And the document states the rule.
    const doc = await json("/openapi.json");
    expect(doc.info.description).toContain("no published total or row, nor the difference of two");
    expect(doc.paths["/snapshots/{period}/adoption.csv"].get.description).toContain("differencing");
  });
});
