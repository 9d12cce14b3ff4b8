import { describe, expect, it } from "vitest";
import { findOrganisation, listOrganisations, referenceLists } from "../src/index.js";
import { testEngines } from "../src/testing.js";
import { useMigratedDatabase } from "./support.js";

describe.each(testEngines())("reference data on $engine", ({ url }) => {
  const h = useMigratedDatabase(url, { seed: true });

  it("seeds the 202 trusts, 7 regions and both ICB layers", async () => {
    const all = await listOrganisations(h.database.db);
    expect(all).toHaveLength(202);
    const lists = await referenceLists(h.database.db, "2025-06-01");
    expect(lists.regions).toHaveLength(7);
    expect(lists.icbs).toHaveLength(42);
    expect((await referenceLists(h.database.db, "2026-06-01")).icbs).toHaveLength(36);
    expect(lists.suppliers.length).toBeGreaterThan(20);
  });

  it("counts trusts by type as the source does", async () => {
    const all = await listOrganisations(h.database.db);
    const byType = Object.fromEntries(
      ["acute", "specialist", "combined", "mental_health", "community", "ambulance"].map((t) => [
        t,
        all.filter((o) => o.trustType === t).length,
      ]),
    );
    expect(byType).toEqual({
      acute: 120,
      specialist: 14,
      combined: 30,
      mental_health: 17,
      community: 11,
      ambulance: 10,
    });
  });

  it("reads ICB membership as at a date across the April 2026 mergers", async () => {
    // Bedford (RC9) sat in Bedfordshire, Luton and Milton Keynes (QHG), merged into Central East (S1Y5D).
    const before = await listOrganisations(h.database.db, { icbCode: "QHG", asOf: "2025-12-01" });
    const after = await listOrganisations(h.database.db, { icbCode: "S1Y5D", asOf: "2026-06-01" });
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((o) => o.odsCode)).toEqual(expect.arrayContaining(before.map((o) => o.odsCode)));
    expect(await listOrganisations(h.database.db, { icbCode: "QHG", asOf: "2026-06-01" })).toHaveLength(0);
  });

  it("filters by region, type and search text, treating wildcards literally", async () => {
    const london = await listOrganisations(h.database.db, { region: "London", trustType: "ambulance" });
    expect(london.map((o) => o.odsCode)).toEqual(["RRU"]);
    const leeds = await listOrganisations(h.database.db, { search: "leeds" });
    expect(leeds.every((o) => /leeds/i.test(o.name))).toBe(true);
    expect(leeds.length).toBeGreaterThan(0);
    expect(await listOrganisations(h.database.db, { search: "%" })).toHaveLength(0);
  });

  it("finds one trust with its ICB history and handles 5-character codes", async () => {
    const online = await findOrganisation(h.database.db, "K0N6A");
    expect(online?.name).toMatch(/Online/);
    expect(online?.icbMemberships[0]?.validFrom).toBe("2026-06-01");
    expect(await findOrganisation(h.database.db, "ZZZ")).toBeUndefined();
  });
});
