import type { Principal } from "@realise/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { callByPath, procedures, SAMPLES } from "../safety/samples.js";
import { signIn, startServer } from "../safety/http.js";
import { download, pdfText, savePdf } from "../reports/support.js";
import { engines, useHarness } from "../support/harness.js";
import { badRequest } from "../support/inputs.js";

const ICB = "S1Y5D"; // NHS Central East ICB: RGT is a member, RR8 (West Yorkshire) is not
const REGION = "East of England";
const today = () => new Date().toISOString().slice(0, 10);

describe.each(engines)("ICB and region oversight on %s", (engine) => {
  const h = useHarness(engine);
  let icbTrusts: string[] = [];
  let regionTrusts: string[] = [];
  let everyTrust: string[] = [];
  let icbViewer: Principal;
  let regionViewer: Principal;

  beforeAll(async () => {
    const day = today();
    const members = await h.database.db
      .selectFrom("organisation_icb")
      .select("ods_code")
      .where("icb_code", "=", ICB)
      .where("valid_from", "<=", day)
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", day)]))
      .execute();
    icbTrusts = members.map((m) => m.ods_code).sort();
    const orgs = await h.database.db.selectFrom("organisation").select(["ods_code", "region"]).execute();
    everyTrust = orgs.map((o) => o.ods_code);
    regionTrusts = orgs
      .filter((o) => o.region === REGION)
      .map((o) => o.ods_code)
      .sort();
    icbViewer = await h.principal("icb@demo.realise");
    regionViewer = await h.principal("region@demo.realise");
  });

  it("an ICB viewer's national views hold exactly their ICB's trusts as at today", async () => {
    expect(icbTrusts).toContain("RGT");
    expect(icbTrusts).not.toContain("RR8");
    const overview = await h.as(icbViewer).national.overview();
    expect(overview.trusts).toBe(icbTrusts.length);
    expect(overview.groups.icb.map((g) => g.key)).toEqual([ICB]);
    const heatmap = await h.as(icbViewer).national.heatmap();
    expect(heatmap.trusts.map((t) => t.odsCode).sort()).toEqual(icbTrusts);
    // The same view for the national team, filtered to the ICB, gives the same figures.
    const national = await h.as(h.role("national_analyst")).national.overview({ icbCode: ICB });
    expect(overview.tierCounts).toEqual(national.tierCounts);
  });

  it("a region viewer's national views hold exactly their region's trusts", async () => {
    const overview = await h.as(regionViewer).national.overview();
    expect(overview.trusts).toBe(regionTrusts.length);
    expect(overview.groups.region.map((g) => g.key)).toEqual([REGION]);
    const benefits = await h.as(regionViewer).benefits.national({});
    const national = await h.as(h.role("national_analyst")).benefits.national({});
    expect(benefits.totals.trusts).toBe(regionTrusts.length);
    expect(benefits.totals.lines).toBeLessThan(national.totals.lines);
    expect(benefits.byRegion.map((r) => r.key)).toEqual([REGION]);
  });

  it("refuses another ICB or region by name, and every write, national admin or national-only read", async () => {
    const forbidden = async (call: Promise<unknown>) =>
      expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    await forbidden(h.as(icbViewer).national.overview({ icbCode: "QWO" }));
    await forbidden(h.as(icbViewer).national.heatmap({ region: "London" }));
    await forbidden(h.as(regionViewer).national.trends({ region: "London" }));
    await forbidden(h.as(icbViewer).adoption.forOrganisation({ odsCode: "RR8" }));
    await forbidden(h.as(regionViewer).returns.forOrganisation({ odsCode: "RR8" }));
    await forbidden(h.as(icbViewer).audit.search({}));
    await forbidden(h.as(icbViewer).accounts.list());
    const dash = await h.as(icbViewer).adoption.forOrganisation({ odsCode: "RGT" });
    expect(dash.records.length).toBeGreaterThan(0);
  });

  it("over every procedure: writes and national-only views refused, scoped views name no trust outside", async () => {
    const outside = new Set(everyTrust.filter((c) => !icbTrusts.includes(c)));
    const failures: string[] = [];
    for (const p of procedures()) {
      const sample = SAMPLES[p.path];
      if (!sample || !p.ruleName) continue;
      for (const target of ["RGT", "RR8"]) {
        let outcome = "allowed";
        let result: unknown;
        try {
          result = await callByPath(h.as(icbViewer), p.path, sample(target));
        } catch (error) {
          outcome = error instanceof TRPCError ? error.code : String(error);
        }
        // Public and any-signed-in mutations (password reset, accepting an invitation) are anyone's.
        const anyones = p.ruleName === "public" || p.ruleName === "signedIn";
        const expected =
          (p.type === "mutation" && !anyones) ||
          p.ruleName === "nationalRead" ||
          p.ruleName === "nationalAdmin" ||
          p.ruleName.startsWith("trustW") ||
          p.ruleName === "trustSubmit" ||
          (p.ruleName === "trustRead" && target === "RR8")
            ? "FORBIDDEN"
            : "not forbidden";
        if (expected === "FORBIDDEN" && outcome !== "FORBIDDEN")
          failures.push(`${p.path} (${target}): ${outcome}, expected FORBIDDEN`);
        if (expected !== "FORBIDDEN" && (outcome === "FORBIDDEN" || outcome === "UNAUTHORIZED"))
          failures.push(`${p.path} (${target}): ${outcome}`);
        if (outcome === "allowed" && p.ruleName === "oversightRead") {
          const named = [...JSON.stringify(result).matchAll(/"odsCode":"([A-Z0-9]+)"/g)].map((m) => m[1]!);
          const leaked = named.filter((c) => outside.has(c));
          if (leaked.length > 0)
            failures.push(`${p.path}: names trusts outside the ICB (${leaked.slice(0, 3)})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("national admins create ICB and region viewers, each bound to exactly what their role needs", async () => {
    const admin = await h.principal("admin@demo.realise");
    const base = { name: "ICB digital lead", password: "a-long-initial-password-2026", odsCode: null };
    expect(
      await badRequest(
        h.as(admin).accounts.create({ ...base, email: "lead1@icb.test", role: "icb_viewer", icbCode: null }),
      ),
    ).toEqual(["icbCode: An ICB viewer needs the ICB's code"]);
    expect(
      await badRequest(
        h
          .as(admin)
          .accounts.create({ ...base, email: "lead2@icb.test", role: "icb_viewer", icbCode: "ZZZ99" }),
      ),
    ).toEqual(["icbCode: No ICB has the code ZZZ99"]);
    expect(
      await badRequest(
        h.as(admin).accounts.create({
          ...base,
          email: "lead3@icb.test",
          role: "trust_viewer",
          odsCode: "RGT",
          icbCode: ICB,
        }),
      ),
    ).toEqual(["icbCode: Only an ICB viewer is bound to an ICB; leave the ICB empty"]);
    expect(
      await badRequest(
        h.as(admin).accounts.create({ ...base, email: "lead4@icb.test", role: "region_viewer" }),
      ),
    ).toEqual(["region: A region viewer needs the region"]);
    const made = await h.as(admin).accounts.create({
      ...base,
      email: "lead@icb.test",
      role: "icb_viewer",
      icbCode: ICB.toLowerCase(),
    });
    const lead = await h.principal(made.email);
    expect(lead.role).toBe("icb_viewer");
    expect((await h.as(lead).national.overview()).trusts).toBe(icbTrusts.length);
    const region = await h.as(admin).accounts.create({
      ...base,
      email: "region.lead@nhs.test",
      role: "region_viewer",
      region: "London",
    });
    const londonLead = await h.principal(region.email);
    const london = await h.as(londonLead).national.overview();
    expect(london.groups.region.map((g) => g.key)).toEqual(["London"]);
    const audit = await h.as(admin).audit.search({ action: "account", pageSize: 1 });
    expect(audit.entries[0]?.summary).toBe("Created the account region.lead@nhs.test (Region viewer)");
  });

  describe("reports", () => {
    let server: Running;
    let cookie = "";
    beforeAll(async () => {
      server = await startServer(h.database, { demo: false });
      cookie = (await signIn(server.url, "icb@demo.realise")).cookie;
    });
    afterAll(async () => {
      await server?.close();
    });

    it("gives an ICB viewer their trusts' board packs and their ICB's quarterly report, nothing else", async () => {
      expect((await download(server.url, "/reports/trusts/RR8/board-pack.pdf", cookie)).status).toBe(403);
      const pack = await download(server.url, "/reports/trusts/RGT/board-pack.pdf", cookie);
      expect(pack.status).toBe(200);
      const res = await download(server.url, "/reports/national.pdf", cookie);
      expect(res.status).toBe(200);
      const text = pdfText(savePdf("icb-report.pdf", res.body));
      expect(text).toContain("EPR adoption in NHS Central East ICB");
      expect(text).not.toContain("Leeds Teaching Hospitals");
    });
  });
});
