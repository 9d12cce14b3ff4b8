import { describe, expect, it } from "vitest";
import {
  AdoptionInputSchema,
  AdoptionMeasuresSchema,
  AdoptionRecordSchema,
  BenefitLineSchema,
  CrosswalkSchema,
  FrameworkSchema,
  IcbMembershipSchema,
  PeerGroupSchema,
  PlanItemSchema,
  OdsCodeSchema,
  OrganisationSchema,
  icbOn,
  overlappingMemberships,
  peerGroupConflicts,
  peerGroupOf,
} from "../src/index.js";

describe("organisation", () => {
  it("normalises ODS codes of 3 or 5 characters and names the rule when wrong", () => {
    expect(OdsCodeSchema.parse(" rcf ")).toBe("RCF");
    expect(OdsCodeSchema.parse("g6v2s")).toBe("G6V2S");
    const r = OdsCodeSchema.safeParse("RCFX");
    expect(r.success ? "" : r.error.issues[0]?.message).toBe(
      "ODS code must be 3 or 5 letters or digits (for example RCF or G6V2S)",
    );
  });

  it("parses an organisation and names bad fields", () => {
    const org = {
      odsCode: "RCF",
      name: "Airedale NHS Foundation Trust",
      trustType: "acute",
      region: "North East and Yorkshire",
      icbCode: "QWO",
      eprStatus: "live",
      eprSupplier: "TPP SystmOne",
    };
    expect(OrganisationSchema.parse(org)).toEqual(org);
    const r = OrganisationSchema.safeParse({ ...org, trustType: "hospital", region: "Wales" });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual([
      "Trust type must be one of acute, specialist, combined, mental_health, community, ambulance",
      "Region must be one of the seven NHS England regions",
    ]);
  });

  it("finds the ICB on a date across the April 2026 mergers", () => {
    const memberships = [
      IcbMembershipSchema.parse({
        odsCode: "RCF",
        icbCode: "QWO",
        validFrom: "2022-07-01",
        validTo: "2026-03-31",
      }),
      IcbMembershipSchema.parse({ odsCode: "RCF", icbCode: "QXX", validFrom: "2026-04-01", validTo: null }),
    ];
    expect(icbOn(memberships, "RCF", "2026-03-31")).toBe("QWO");
    expect(icbOn(memberships, "RCF", "2026-04-01")).toBe("QXX");
    expect(icbOn(memberships, "RCF", "2020-01-01")).toBeNull();
    expect(overlappingMemberships(memberships)).toEqual([]);
    expect(
      overlappingMemberships([...memberships, { ...memberships[1]!, validFrom: "2026-03-01" }]),
    ).toHaveLength(2);
    const bad = IcbMembershipSchema.safeParse({
      odsCode: "RCF",
      icbCode: "QWO",
      validFrom: "2026-04-01",
      validTo: "2026-03-31",
    });
    expect(bad.success ? "" : bad.error.issues[0]?.message).toBe(
      "Membership end date cannot be before the start date",
    );
  });

  it("keeps peer groups in a set exclusive", () => {
    const groups = [
      { id: "big", name: "Large acute", set: "size", members: ["RCF", "RBS"] },
      { id: "small", name: "Small acute", set: "size", members: ["RBS"] },
      { id: "tpp", name: "TPP", set: "supplier", members: ["RCF"] },
    ];
    expect(peerGroupConflicts(groups)).toEqual([{ set: "size", odsCode: "RBS", groupIds: ["big", "small"] }]);
    expect(peerGroupOf(groups, "supplier", "RCF")).toBe("tpp");
  });
});

describe("every input schema names the field in its errors", () => {
  const schemas = {
    OrganisationSchema,
    IcbMembershipSchema,
    PeerGroupSchema,
    AdoptionInputSchema,
    AdoptionRecordSchema,
    AdoptionMeasuresSchema,
    FrameworkSchema,
    BenefitLineSchema,
    PlanItemSchema,
    CrosswalkSchema,
  };
  const inputs: unknown[] = [
    {},
    { odsCode: 5, name: [], evidence: [1], tiers: [{}], actuals: [1], baseline: 1 },
  ];
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name} never falls back to zod's generic messages`, () => {
      for (const input of inputs) {
        const r = schema.safeParse(input);
        expect(r.success).toBe(false);
        const generic = r.success ? [] : r.error.issues.filter((i) => i.message.startsWith("Invalid input"));
        expect(generic.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
      }
    });
  }
});
