import { periodOf, previousPeriod } from "@realise/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { signIn, startServer } from "../safety/http.js";
import { engines, useHarness } from "../support/harness.js";
import { download, pdfInfo, pdfStructure, pdfText, savePdf } from "./support.js";

/** The latest ended quarter: the demo published it from the accepted returns. */
const PERIOD = previousPeriod(periodOf(new Date(), "quarter"));
const slugOf = (period: string) => period.replace("/", "-").replace(" ", "-");
const PACK = "/reports/trusts/RGT/board-pack.pdf";

describe.each(engines)("the trust board pack on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    // No small-number suppression: RGT's open-data rows are compared, and RGT sits in a small ICB.
    server = await startServer(h.database, { demo: false, suppressBelow: 1 });
    for (const email of ["editor.rgt@demo.realise", "viewer.rr8@demo.realise", "analyst@demo.realise"])
      cookies[email] = (await signIn(server.url, email)).cookie;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("carries the trust's name and its official tier and period, as the API gives them, in a tagged A4 PDF", async () => {
    const official = (await h.as(null).organisations.byOdsCode({ odsCode: "RGT" })).official!;
    expect(official.period).toBe(PERIOD);
    const res = await download(server.url, PACK, cookies["editor.rgt@demo.realise"]);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/pdf");
    const file = savePdf("board-pack.pdf", res.body);
    const text = pdfText(file);
    expect(text).toContain("Cambridge University Hospitals NHS Foundation Trust");
    expect(text).toContain(`${PERIOD} (official, published)`);
    expect(text).toMatch(new RegExp(`Attained tier\\s+Tier ${official.attainedTier}\\b`));
    expect(text).toMatch(
      new RegExp(`Progress to next tier\\s+${Math.round(official.progressToNext * 100)}%`),
    );
    expect(text).toContain("£");
    expect(text).toContain("Tier 1 – ");
    expect(text).toContain("Page 1 of");
    const info = pdfInfo(file);
    expect(info.Tagged).toBe("yes");
    expect(info.Title).toBe(
      `Cambridge University Hospitals NHS Foundation Trust: EPR adoption board pack, ${PERIOD}`,
    );
    expect(info["Page size"]).toContain("595.28 x 841.89");
    const structure = pdfStructure(file);
    for (const element of ["Document", "H1", "H2", "P", "Table", "TR", "TH", "TD", "Figure"])
      expect(structure).toMatch(new RegExp(`^\\s*${element}\\b`, "m"));
  });

  it("counts the functionalities that moved since the previous period as the open data does", async () => {
    const levels = async (period: string) => {
      const res = await fetch(`${server.url}/api/v1/snapshots/${slugOf(period)}/adoption?odsCode=RGT`);
      const body = (await res.json()) as { data: { functionalityCode: string; level: number }[] };
      return new Map(body.data.map((r) => [r.functionalityCode, r.level]));
    };
    const [now, before] = await Promise.all([levels(PERIOD), levels(previousPeriod(PERIOD))]);
    const codes = new Set([...now.keys(), ...before.keys()]);
    const up = [...codes].filter((c) => (now.get(c) ?? 0) > (before.get(c) ?? 0)).length;
    const down = [...codes].filter((c) => (now.get(c) ?? 0) < (before.get(c) ?? 0)).length;
    const res = await download(server.url, PACK, cookies["analyst@demo.realise"]);
    const text = pdfText(savePdf("board-pack-analyst.pdf", res.body));
    expect(text).toContain(`${previousPeriod(PERIOD)}: Tier`);
    expect(text).toContain(`${up} functionalities up, ${down} down`);
  });

  it("shows the open data's levels for the period and a draft of live records marked on every page", async () => {
    const earlier = previousPeriod(PERIOD);
    const res = await download(
      server.url,
      `${PACK}?period=${slugOf(earlier)}`,
      cookies["analyst@demo.realise"],
    );
    expect(res.status).toBe(200);
    const text = pdfText(savePdf("board-pack-earlier.pdf", res.body));
    expect(text).toContain(`${earlier} (official, published)`);
    const draft = await download(server.url, `${PACK}?period=live`, cookies["editor.rgt@demo.realise"]);
    expect(draft.status).toBe(200);
    const draftText = pdfText(savePdf("board-pack-draft.pdf", draft.body));
    const pages = draftText.split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain("Draft — not submitted");
    const live = await h.as(h.role("national_analyst")).organisations.byOdsCode({ odsCode: "RGT" });
    expect(draftText).toMatch(new RegExp(`Attained tier\\s+Tier ${live.attainedTier}\\b`));
  });

  it("answers only the trust's own staff and the national roles", async () => {
    const anonymous = await download(server.url, PACK);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json?.error?.message).toContain("Sign in");
    const other = await download(server.url, PACK, cookies["viewer.rr8@demo.realise"]);
    expect(other.status).toBe(403);
    expect(other.type).toContain("application/json");
    const own = await download(
      server.url,
      "/reports/trusts/RR8/board-pack.pdf",
      cookies["viewer.rr8@demo.realise"],
    );
    expect(own.status).toBe(200);
    expect(pdfText(savePdf("board-pack-rr8.pdf", own.body))).toContain("RR8");
  });

  it("refuses an unknown trust, a period never published and a malformed period with a plain message", async () => {
    const analyst = cookies["analyst@demo.realise"];
    const unknown = await download(server.url, "/reports/trusts/ZZZ99/board-pack.pdf", analyst);
    expect(unknown.status).toBe(404);
    expect(unknown.json?.error?.message).toContain("ZZZ99");
    const unpublished = await download(server.url, `${PACK}?period=2019-20-Q1`, analyst);
    expect(unpublished.status).toBe(404);
    expect(unpublished.json?.error?.message).toContain("2019/20 Q1");
    const current = periodOf(new Date(), "quarter");
    const notYet = await download(server.url, `${PACK}?period=${slugOf(current)}`, analyst);
    expect(notYet.status).toBe(404);
    const bad = await download(server.url, `${PACK}?period=last-quarter`, analyst);
    expect(bad.status).toBe(400);
    expect(bad.json?.error?.message).toContain("2026-27-Q2");
  });
});
