import Papa from "papaparse";
import { periodOf, previousPeriod } from "@realise/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startRealise } from "../src/http/boot.js";
import { engines, useHarness } from "./support/harness.js";

/** The latest ended quarter: the demo froze its official figures from the accepted returns. */
const PERIOD = previousPeriod(periodOf(new Date(), "quarter"));
/** Five quarters back: ended, never frozen. */
const UNPUBLISHED = [1, 2, 3, 4].reduce((p) => previousPeriod(p), PERIOD);
const slugOf = (period: string) => period.replace("/", "-").replace(" ", "-");

// biome-ignore lint/suspicious/noExplicitAny: the tests read open-data JSON whose shape they then assert
type Json = any;
const SLUG = slugOf(PERIOD);

describe.each(engines)("open data on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  const get = (path: string, init?: RequestInit) =>
    fetch(`${server.url}${path}`, init) as Promise<Omit<Response, "json"> & { json(): Promise<Json> }>;

  beforeAll(async () => {
    server = await startRealise({
      port: 0,
      database: h.database,
      demo: false,
      suppressBelow: 11,
      log: () => {},
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("describes itself with OpenAPI 3.1", async () => {
    const res = await get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/organisations", "/framework", "/snapshots/{period}/adoption"]),
    );
    expect(doc.info.description).toContain("fewer than 11 trusts");
  });

  it("lists organisations as JSON and CSV, filtered, without live tier figures", async () => {
    const res = await get("/api/v1/organisations?trustType=ambulance");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = await res.json();
    expect(body.data).toHaveLength(10);
    expect(body.data[0]).not.toHaveProperty("attainedTier");
    expect(body.data.map((o: { odsCode: string }) => o.odsCode)).toContain("RRU");

    const csv = await get("/api/v1/organisations.csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const parsed = Papa.parse<Record<string, string>>(await csv.text(), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toHaveLength(202);
    expect(parsed.meta.fields?.[0]).toBe("odsCode");
    expect(parsed.data.find((r) => r.odsCode === "RGT")?.name).toBe(
      "Cambridge University Hospitals NHS Foundation Trust",
    );

    const bad = await get("/api/v1/organisations?trustType=hospital");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("trustType");
  });

  it("serves the published framework, and its functionalities as CSV", async () => {
    const res = await get("/api/v1/framework");
    expect(res.status).toBe(200);
    const fw = await res.json();
    expect(fw.version).toBe(1);
    expect(fw.status).toBe("published");
    expect(fw.functionalities.length).toBeGreaterThan(30);
    const csv = await (await get("/api/v1/framework.csv")).text();
    expect(csv.split("\r\n")[0]).toBe("frameworkVersion,code,name,category,tier,appliesTo");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(fw.functionalities.length + 1);
    expect((await get("/api/v1/framework?version=99")).status).toBe(404);
    expect((await get("/api/v1/framework?version=abc")).status).toBe(400);
  });

  it("serves nothing for a period until it is published", async () => {
    const res = await get(`/api/v1/snapshots/${slugOf(UNPUBLISHED)}/adoption`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain(UNPUBLISHED);
    expect((await get("/api/v1/snapshots/nonsense/adoption")).status).toBe(400);
    const listed = (await (await get("/api/v1/snapshots")).json()).data.map(
      (s: { period: string }) => s.period,
    );
    expect(listed).toHaveLength(4);
    expect(listed).not.toContain(UNPUBLISHED);
    expect(listed).not.toContain(periodOf(new Date(), "quarter"));
  });

  it("serves a published snapshot keyed on ODS code, framework version and period, in JSON and CSV", async () => {
    // Only trusts with an accepted return are in the official figures.
    const accepted = await h.database.db
      .selectFrom("trust_return")
      .select("ods_code")
      .where("period", "=", PERIOD)
      .where("status", "=", "accepted")
      .execute();
    expect(accepted.length).toBeGreaterThan(100);
    expect(accepted.length).toBeLessThan(202);
    const list = await (await get("/api/v1/snapshots")).json();
    expect(list.data).toContainEqual(
      expect.objectContaining({ period: PERIOD, slug: SLUG, trusts: accepted.length }),
    );

    // A trust in no small group: its rows are published (trusts in small groups are withheld; see below).
    const f01 = await (await get(`/api/v1/snapshots/${SLUG}/adoption?functionalityCode=F01`)).json();
    const open: string = f01.data[0].odsCode;
    const res = await get(`/api/v1/snapshots/${SLUG}/adoption?odsCode=${open}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("max-age");
    const body = await res.json();
    expect(body.meta).toMatchObject({ period: PERIOD, frameworkVersion: 1 });
    expect(body.data.length).toBeGreaterThan(10);
    expect(
      body.data.every((r: { odsCode: string; period: string }) => r.odsCode === open && r.period === PERIOD),
    ).toBe(true);
    const stored = await h.database.db
      .selectFrom("snapshot_adoption")
      .select(["functionality_code", "level"])
      .where("period", "=", PERIOD)
      .where("ods_code", "=", open)
      .orderBy("functionality_code")
      .execute();
    expect(
      body.data.map((r: { functionalityCode: string; level: number }) => [r.functionalityCode, r.level]),
    ).toEqual(stored.map((r) => [r.functionality_code, r.level]));

    // The encoded official form of the period works too.
    const encoded = await get(
      `/api/v1/snapshots/${encodeURIComponent(PERIOD)}/adoption.csv?functionalityCode=F01`,
    );
    expect(encoded.status).toBe(200);
    expect(encoded.headers.get("content-disposition")).toContain(`adoption-${SLUG}.csv`);
    const rows = Papa.parse<Record<string, string>>(await encoded.text(), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.length).toBe(f01.data.length);
    expect(rows.every((r) => r.functionalityCode === "F01" && r.frameworkVersion === "1")).toBe(true);
  });

  it("withholds the breakdown of groups with fewer trusts than the threshold", async () => {
    const res = await get(`/api/v1/snapshots/${SLUG}/adoption?groupBy=trustType`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.meta.suppressBelow).toBe(11);
    const ambulance = body.data.find((g: { group: string }) => g.group === "ambulance");
    expect(ambulance).toMatchObject({ suppressed: true, tierCounts: null, eprLive: null });
    expect(ambulance.trusts).toBeLessThan(11);
    const acute = body.data.find((g: { group: string }) => g.group === "acute");
    expect(acute.suppressed).toBe(false);
    expect(acute.tierCounts.reduce((a: number, b: number) => a + b, 0)).toBe(
      acute.trusts - acute.withheldTrusts,
    );
    const csv = await (await get(`/api/v1/snapshots/${SLUG}/adoption.csv?groupBy=trustType`)).text();
    const amb = Papa.parse<Record<string, string>>(csv, { header: true }).data.find(
      (r) => r.group === "ambulance",
    );
    expect(amb).toMatchObject({ trusts: String(ambulance.trusts), suppressed: "true", tierCounts: "" });
    expect((await get(`/api/v1/snapshots/${SLUG}/adoption?groupBy=colour`)).status).toBe(400);
  });

  it("serves a whole-nation snapshot answer as stored on its first request, and builds filtered ones afresh", async () => {
    const path = `/api/v1/snapshots/${SLUG}/adoption.csv?groupBy=region`;
    const first = await (await get(path)).text();
    const second = await get(path);
    expect(second.headers.get("content-disposition")).toBe(
      `attachment; filename="adoption-${SLUG}-by-region.csv"`,
    );
    expect(await second.text()).toBe(first);
    const stored = await h.database.db
      .selectFrom("snapshot_answer")
      .select(["key", "body"])
      .where("period", "=", PERIOD)
      .execute();
    const csvKey = stored.find((r) => r.key.startsWith(`${PERIOD}|csv|region|suppress-11|`));
    expect(csvKey?.body).toBe(first);
    // Once served, the answer is held in memory (it can never change): a marker written into the stored
    // copy does not come back, and no request reads the copy again (then the copy is put back).
    await h.database.db
      .updateTable("snapshot_answer")
      .set({ body: "marker\n" })
      .where("key", "=", csvKey!.key)
      .execute();
    expect(await (await get(path)).text()).toBe(first);
    // A client that takes gzip gets the gzip made once, of the same bytes.
    const zipped = await get(path, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toMatch(/accept-encoding/i);
    // (fetch undoes the gzip itself.)
    expect(await zipped.text()).toBe(first);
    await h.database.db
      .updateTable("snapshot_answer")
      .set({ body: first })
      .where("key", "=", csvKey!.key)
      .execute();
    // A filtered answer is not kept.
    const before = stored.length;
    await get(`/api/v1/snapshots/${SLUG}/adoption?odsCode=RGT`);
    const after = await h.database.db
      .selectFrom("snapshot_answer")
      .select("key")
      .where("period", "=", PERIOD)
      .execute();
    expect(after).toHaveLength(before);
  });

  it("is read-only and says so for unknown routes", async () => {
    const post = await get("/api/v1/organisations", { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const missing = await get("/api/v1/nothing");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain("openapi.json");
  });
});
