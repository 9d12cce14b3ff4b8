import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDatabase,
  type Database,
  findOrganisation,
  listOrganisations,
  migrateToLatest,
  referenceLists,
  seedReference,
} from "../src/index.js";
import { createScratchDatabase, testEngines } from "../src/testing.js";

describe.each(testEngines())("reference data on $engine", ({ url }) => {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (url) {
      const scratch = await createScratchDatabase(url);
      drop = scratch.drop;
      database = await createDatabase({ databaseUrl: scratch.url });
    } else {
      database = await createDatabase();
    }
    await migrateToLatest(database.db);
    await seedReference(database.db);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it("seeds the 202 trusts, 7 regions and both ICB layers", async () => {
    const all = await listOrganisations(database.db);
    expect(all).toHaveLength(202);
    const lists = await referenceLists(database.db, "2025-06-01");
    expect(lists.regions).toHaveLength(7);
    expect(lists.icbs).toHaveLength(42);
    expect((await referenceLists(database.db, "2026-06-01")).icbs).toHaveLength(36);
    expect(lists.suppliers.length).toBeGreaterThan(20);
  });

  it("counts trusts by type as the source does", async () => {
    const all = await listOrganisations(database.db);
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
    const before = await listOrganisations(database.db, { icbCode: "QHG", asOf: "2025-12-01" });
    const after = await listOrganisations(database.db, { icbCode: "S1Y5D", asOf: "2026-06-01" });
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((o) => o.odsCode)).toEqual(expect.arrayContaining(before.map((o) => o.odsCode)));
    expect(await listOrganisations(database.db, { icbCode: "QHG", asOf: "2026-06-01" })).toHaveLength(0);
  });

  it("filters by region, type and search text, treating wildcards literally", async () => {
    const london = await listOrganisations(database.db, { region: "London", trustType: "ambulance" });
    expect(london.map((o) => o.odsCode)).toEqual(["RRU"]);
    const leeds = await listOrganisations(database.db, { search: "leeds" });
    expect(leeds.every((o) => /leeds/i.test(o.name))).toBe(true);
    expect(leeds.length).toBeGreaterThan(0);
    expect(await listOrganisations(database.db, { search: "%" })).toHaveLength(0);
  });

  it("finds one trust with its ICB history and handles 5-character codes", async () => {
    const online = await findOrganisation(database.db, "K0N6A");
    expect(online?.name).toMatch(/Online/);
    expect(online?.icbMemberships[0]?.validFrom).toBe("2026-06-01");
    expect(await findOrganisation(database.db, "ZZZ")).toBeUndefined();
  });
});
