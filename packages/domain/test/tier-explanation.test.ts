import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AdoptionLevel,
  type AdoptionMeasures,
  assessTrust,
  defaultFramework,
  explainTiers,
  TRUST_TYPES,
  type TrustType,
} from "../src/index.js";
import { measuresArb } from "./arbitraries.js";
import { allAt, measuresFor, recordFrom } from "./helpers.js";

const fw = defaultFramework;
const F = fw.functionalities;

describe("explainTiers examples", () => {
  it("tier 3 of an acute trust: its own criteria, and tier 1's carried in at L4, counted apart", () => {
    const records = allAt(fw, "acute", 3);
    const tier3 = explainTiers(fw, { trustType: "acute" }, records).find((t) => t.tier === 3)!;
    const carried = tier3.criteria.filter((c) => c.carried);
    // Tier 1's five mandatory functionalities must be embedded (L4) by tier 3.
    expect(carried.map((c) => c.options[0]!.code).sort()).toEqual(["F01", "F02", "F05", "F07", "F08"]);
    expect(carried.every((c) => c.fromTier === 1 && c.requiredLevel === 4 && !c.met)).toBe(true);
    // The own counts match tier 3's table: five mandatory functionalities of tier 3, and its menu.
    expect(tier3.own).toEqual({ mandatoryMet: 5, mandatoryTotal: 5, menuMet: 2, menuRequired: 2 });
    expect(tier3.carried).toEqual({ met: 0, total: 5 });
    const menu = tier3.criteria.find((c) => c.kind === "menu")!;
    expect({ k: menu.k, m: menu.m, met: menu.met }).toEqual({ k: 2, m: 3, met: true });
    // An unmet criterion says what is missing, in words a trust can act on.
    const f01 = carried.find((c) => c.options[0]!.code === "F01")!.options[0]!;
    expect(f01.meets).toBe(false);
    expect(f01.gap?.text).toMatch(/retire the paper process/);
  });

  it("a met criterion carries no gap; an unmet menu gives a gap for each option below the level", () => {
    const records = allAt(fw, "acute", 3).map((r) =>
      r.functionalityCode === "F17" ? { ...r, level: 0 } : r,
    );
    const t2 = explainTiers(fw, { trustType: "acute" }, records).find((t) => t.tier === 2)!;
    expect(t2.criteria.filter((c) => c.met).every((c) => c.options.every((o) => !o.gap))).toBe(true);
    const lowered = explainTiers(
      fw,
      { trustType: "acute" },
      records.map((r) => (["F19", "F20", "F21"].includes(r.functionalityCode) ? { ...r, level: 1 } : r)),
    ).find((t) => t.tier === 2)!;
    const menu = lowered.criteria.find((c) => c.kind === "menu")!;
    expect(menu.met).toBe(false);
    expect(menu.options.filter((o) => o.gap).map((o) => o.code)).toEqual(["F17", "F19", "F20", "F21"]);
    expect(menu.options[0]!.gap?.menuStillNeeded).toBe(2);
  });

  it("criteria that do not apply to the trust's type are left out", () => {
    const amb = explainTiers(fw, { trustType: "ambulance" }, []);
    const codes = amb.flatMap((t) => t.criteria.flatMap((c) => c.options.map((o) => o.code)));
    for (const code of codes) expect(F.find((f) => f.code === code)!.appliesTo).toContain("ambulance");
  });
});

const trustArb = fc.record({
  trustType: fc.constantFrom<TrustType>(...TRUST_TYPES),
  levels: fc.array(fc.oneof(fc.constantFrom<AdoptionLevel>(0, 3, 4, 5), fc.constant(null)), {
    minLength: F.length,
    maxLength: F.length,
  }),
  measures: fc.array(measuresArb, { minLength: F.length, maxLength: F.length }),
});

function recordsOf({ levels, measures }: { levels: (AdoptionLevel | null)[]; measures: AdoptionMeasures[] }) {
  return F.map((f, i) => recordFrom(f, levels[i] === null ? measures[i]! : measuresFor(f, levels[i]!)));
}

describe("explainTiers agrees with assessTrust", () => {
  it("attained, criteria met and the mandatory and menu counts, for every tier", () => {
    fc.assert(
      fc.property(trustArb, (t) => {
        const records = recordsOf(t);
        const a = assessTrust(fw, { odsCode: "AAA", trustType: t.trustType }, records);
        const e = explainTiers(fw, { trustType: t.trustType }, records);
        expect(e.map((x) => x.tier)).toEqual(a.tiers.map((x) => x.tier));
        e.forEach((x, i) => {
          const s = a.tiers[i]!;
          expect(x.attained).toBe(s.attained);
          expect(x.criteriaMet).toBe(s.criteriaMet);
          const mandatory = x.criteria.filter((c) => c.kind === "mandatory");
          expect(mandatory.length).toBe(s.mandatoryTotal);
          expect(mandatory.filter((c) => c.met).length).toBe(s.mandatoryMet);
          expect(x.own.mandatoryTotal + x.carried.total).toBe(s.mandatoryTotal);
          expect(x.own.menuMet).toBe(s.menuMet);
          expect(x.own.menuRequired).toBe(s.menuRequired);
          expect(x.criteria.every((c) => c.met === c.metUnits >= c.required)).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("the next tier's gaps are exactly the dashboard's 'what the next tier needs'", () => {
    fc.assert(
      fc.property(trustArb, (t) => {
        const records = recordsOf(t);
        const a = assessTrust(fw, { odsCode: "AAA", trustType: t.trustType }, records);
        const next = explainTiers(fw, { trustType: t.trustType }, records).find((x) => x.tier === a.nextTier);
        const gaps = next
          ? next.criteria.flatMap((c) => c.options.flatMap((o) => (o.gap ? [o.gap] : [])))
          : [];
        const key = (g: { criterionId: string; functionalityCode: string; text: string }) =>
          `${g.criterionId}/${g.functionalityCode}/${g.text}`;
        expect(gaps.map(key).sort()).toEqual(a.nextTierNeeds.map(key).sort());
      }),
      { numRuns: 150 },
    );
  });
});
