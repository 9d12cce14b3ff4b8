import { periodOf, previousPeriod } from "@realise/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { signIn, startServer } from "../safety/http.js";
import { engines, useHarness } from "../support/harness.js";
import { download, pdfInfo, pdfText, savePdf } from "./support.js";

/** The latest ended quarter: the demo published it from the accepted returns. */
const PERIOD = previousPeriod(periodOf(new Date(), "quarter"));
const CURRENT = periodOf(new Date(), "quarter");
const slugOf = (period: string) => period.replace("/", "-").replace(" ", "-");
const REPORT = "/reports/national.pdf";

describe.each(engines)("the national quarterly report on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    // No small-number suppression: the open data then withholds no trust, so its region counts are the report's.
    server = await startServer(h.database, { demo: false, suppressBelow: 1 });
    for (const email of ["approver.rgt@demo.realise", "analyst@demo.realise", "admin@demo.realise"])
      cookies[email] = (await signIn(server.url, email)).cookie;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("carries the published snapshot's figures, as the API gives them, in a tagged PDF", async () => {
    const detail = await h.as(h.role("national_analyst")).snapshots.detail({ period: PERIOD });
    const res = await download(server.url, REPORT, cookies["analyst@demo.realise"]);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/pdf");
    const file = savePdf("national-report.pdf", res.body);
    const text = pdfText(file);
    const summary = text.split("\f")[0]!;
    expect(summary).toContain(`${PERIOD} (official, published)`);
    expect(summary).toMatch(new RegExp(`Trusts in the figures\\s+${detail.trusts} `));
    const live = detail.eprStatus.find((s) => s.status === "live")!.count;
    expect(summary).toMatch(new RegExp(`EPR live\\s+${live} of ${detail.trusts}`));
    detail.tierCounts.forEach((n, tier) => {
      expect(summary).toMatch(new RegExp(`\\n\\s*Tier ${tier}\\b[^\\n]*\\s${n}\\n`));
    });
    expect(text).toContain("not a league table");
    expect(text).toContain("Methodology");
    expect(text).toContain(`framework v${detail.frameworkVersion}`);
    expect(text).not.toContain("Provisional");
    // Each region's trusts, EPR live and tier counts, as the open data counts them for the period.
    const groups = (await (
      await fetch(`${server.url}/api/v1/snapshots/${slugOf(PERIOD)}/adoption?groupBy=region`)
    ).json()) as { data: { group: string; trusts: number; eprLive: number; tierCounts: number[] }[] };
    expect(groups.data.length).toBeGreaterThan(3);
    for (const g of groups.data)
      expect(text).toMatch(
        new RegExp(`${g.group}\\s+${[g.trusts, g.eprLive, ...g.tierCounts].join("\\s+")}\\n`),
      );
    const info = pdfInfo(file);
    expect(info.Tagged).toBe("yes");
    expect(info.Title).toBe(`EPR adoption in England: national quarterly report, ${PERIOD}`);
  });

  it("previews a period not yet published, watermarked Provisional on every page, and keeps nothing", async () => {
    const before = await h.as(h.role("national_analyst")).snapshots.list();
    const res = await download(
      server.url,
      `${REPORT}?period=${slugOf(CURRENT)}`,
      cookies["admin@demo.realise"],
    );
    expect(res.status).toBe(200);
    const pages = pdfText(savePdf("national-provisional.pdf", res.body))
      .split("\f")
      .filter((p) => p.trim() !== "");
    for (const page of pages) expect(page).toContain("Provisional");
    expect(await h.as(h.role("national_analyst")).snapshots.list()).toEqual(before);
  });

  it("answers only the national roles, and refuses periods it cannot build", async () => {
    expect((await download(server.url, REPORT)).status).toBe(401);
    const trust = await download(server.url, REPORT, cookies["approver.rgt@demo.realise"]);
    expect(trust.status).toBe(403);
    expect(trust.json?.error?.message).toContain("national report");
    const never = await download(server.url, `${REPORT}?period=2010-11-Q1`, cookies["analyst@demo.realise"]);
    expect(never.status).toBe(404);
    expect(never.json?.error?.message).toContain("2010/11 Q1");
    const bad = await download(server.url, `${REPORT}?period=live`, cookies["analyst@demo.realise"]);
    expect(bad.status).toBe(400);
  });
});
