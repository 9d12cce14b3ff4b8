import { z } from "zod";
import { isoDate, text } from "../common/schema.js";
import { AdoptionLevelSchema } from "../adoption/schema.js";
import { TrustTypeSchema } from "../organisation/schema.js";

/** A framework version is drafted, published (then never changed) and finally retired. */
export const FrameworkStatusSchema = z.enum(["draft", "published", "retired"], {
  error: "Framework status must be one of draft, published, retired",
});
/** A framework status. */
export type FrameworkStatus = z.infer<typeof FrameworkStatusSchema>;

const tierNumber = z
  .number({ error: "Tier must be a number from 1 to 5" })
  .int("Tier must be a whole number from 1 to 5")
  .min(1, "Tier must be from 1 to 5")
  .max(5, "Tier must be from 1 to 5");

/** A tier of the national route map; tiers are ordered and cumulative. */
export const TierSchema = z.object({
  number: tierNumber,
  name: text("Tier name", 120),
  description: text("Tier description", 2000),
});
/** A tier. */
export type Tier = z.infer<typeof TierSchema>;

const pct = (label: string) =>
  z
    .number({ error: `${label} must be a number between 0 and 100` })
    .min(0, `${label} must be between 0 and 100`)
    .max(100, `${label} must be between 0 and 100`);

const thresholdSchema = (level: string) =>
  z.object(
    { coveragePct: pct(`${level} coverage threshold`), usagePct: pct(`${level} usage threshold`) },
    { error: `${level} thresholds must give coverage and usage percentages` },
  );

const trustTypes = (label: string) =>
  z
    .array(TrustTypeSchema, { error: `${label} must be a list of trust types` })
    .min(1, `${label} must name at least one trust type`);

/** Codes look like F01; a letter suffix allows a split in a later version (F15a). */
export const FunctionalityCodeSchema = z
  .string({ error: "Functionality code must be text" })
  .regex(/^F\d{2,3}[a-z]?$/, "Functionality code must look like F01");

/** An EPR capability the national framework measures. */
export const FunctionalitySchema = z
  .object({
    code: FunctionalityCodeSchema,
    name: text("Functionality name", 120),
    /** A short name for sentences and charts (eMAR, ePMA, eObs). */
    shortName: z.string().trim().max(40, "Short name must be at most 40 characters").optional(),
    description: text("Functionality description", 2000),
    category: text("Functionality category", 80),
    tier: tierNumber,
    appliesTo: trustTypes("Applies to"),
    coverage: z.object({ label: text("Coverage label", 300) }, { error: "Coverage must have a label" }),
    usage: z.object(
      {
        numerator: text("Usage numerator label", 300),
        denominator: text("Usage denominator label", 300),
        label: text("Usage label", 300),
      },
      { error: "Usage must have a numerator, a denominator and a label" },
    ),
    thresholds: z.object(
      { l3: thresholdSchema("L3"), l4: thresholdSchema("L4"), l5: thresholdSchema("L5") },
      { error: "Thresholds must give L3, L4 and L5" },
    ),
    /** What "paper retired" means here, for functionalities whose paper process is not obvious. */
    paperRetiredMeans: z.string().max(300, "Paper retired wording must be at most 300 characters").optional(),
    references: z.object(
      {
        dcf: z.array(z.string().max(60)).optional(),
        dcfLevel: z.enum(["core", "transformative", "innovative"]).optional(),
        emramStage: z
          .number()
          .int()
          .min(0, "EMRAM stage must be from 0 to 7")
          .max(7, "EMRAM stage must be from 0 to 7")
          .optional(),
        meaningfulUse: z.string().max(300).optional(),
        wgll: z.string().max(120).optional(),
        sources: z.array(z.string().max(1000)).optional(),
      },
      { error: "References must be an object (it may be empty)" },
    ),
  })
  .superRefine((f, ctx) => {
    // Higher levels must ask at least as much as lower ones, or a trust could be L5 without meeting L4's bar.
    const { l3, l4, l5 } = f.thresholds;
    for (const m of ["coveragePct", "usagePct"] as const) {
      if (l4[m] < l3[m]) {
        ctx.addIssue({
          code: "custom",
          path: ["thresholds", "l4", m],
          message: `L4 ${m === "coveragePct" ? "coverage" : "usage"} threshold cannot be below L3's`,
        });
      }
      if (l5[m] < l4[m]) {
        ctx.addIssue({
          code: "custom",
          path: ["thresholds", "l5", m],
          message: `L5 ${m === "coveragePct" ? "coverage" : "usage"} threshold cannot be below L4's`,
        });
      }
    }
  });
/** A functionality. */
export type Functionality = z.infer<typeof FunctionalitySchema>;

/**
 * One requirement of a tier. Mandatory: one functionality at a level. Menu: k of m functionalities at a level
 * (Meaningful Use's core-and-menu pattern).
 */
export const TierCriterionSchema = z
  .object({
    id: text("Criterion id", 100),
    tier: tierNumber,
    kind: z.enum(["mandatory", "menu"], { error: "Criterion kind must be mandatory or menu" }),
    functionalityCodes: z
      .array(FunctionalityCodeSchema, { error: "Criterion functionalities must be a list of codes" })
      .min(1, "A criterion needs at least one functionality"),
    k: z
      .number({ error: "Menu k must be a number" })
      .int("Menu k must be a whole number")
      .min(1, "Menu k must be at least 1")
      .max(1_000, "Menu k must be at most 1000")
      .optional(),
    requiredLevel: AdoptionLevelSchema,
    appliesTo: trustTypes("Criterion applies to"),
    description: z.string().max(500).optional(),
  })
  .superRefine((c, ctx) => {
    if (new Set(c.functionalityCodes).size !== c.functionalityCodes.length) {
      ctx.addIssue({
        code: "custom",
        path: ["functionalityCodes"],
        message: "A criterion cannot list a functionality twice",
      });
    }
    if (c.kind === "mandatory") {
      if (c.functionalityCodes.length !== 1) {
        ctx.addIssue({
          code: "custom",
          path: ["functionalityCodes"],
          message: "A mandatory criterion names exactly one functionality",
        });
      }
      if (c.k !== undefined) {
        ctx.addIssue({ code: "custom", path: ["k"], message: "Only a menu criterion has k" });
      }
    } else {
      if (c.functionalityCodes.length < 2) {
        ctx.addIssue({
          code: "custom",
          path: ["functionalityCodes"],
          message: "A menu criterion offers at least two functionalities",
        });
      }
      if (c.k === undefined) {
        ctx.addIssue({ code: "custom", path: ["k"], message: "A menu criterion needs k, how many to meet" });
      } else if (c.k > c.functionalityCodes.length) {
        ctx.addIssue({
          code: "custom",
          path: ["k"],
          message: "Menu k cannot exceed the number of functionalities offered",
        });
      }
    }
  });
/** A tier criterion. */
export type TierCriterion = z.infer<typeof TierCriterionSchema>;

/** HM Treasury Green Book benefit classes. */
export const BenefitClassSchema = z.enum(
  ["cash_releasing", "non_cash_releasing", "quantitative_non_monetised", "qualitative", "wider_societal"],
  {
    error:
      "Choose the benefit class: cash-releasing, non-cash-releasing, quantitative not monetised, qualitative or wider societal",
  },
);
/** A benefit class. */
export type BenefitClass = z.infer<typeof BenefitClassSchema>;

/** Which way a metric should move for the benefit to count. */
export const DirectionSchema = z.enum(["increase", "decrease"], {
  error: "Choose whether the metric should increase or decrease",
});
/** A metric direction. */
export type Direction = z.infer<typeof DirectionSchema>;

/** A national benefit type that trusts' register lines instantiate. */
export const BenefitTypeSchema = z.object({
  code: z
    .string({ error: "Benefit type code must be text" })
    .regex(/^B\d{2,3}[a-z]?$/, "Benefit type code must look like B01"),
  name: text("Benefit type name", 160),
  benefitClass: BenefitClassSchema,
  isDisbenefit: z.boolean({ error: "Dis-benefit must be true or false" }),
  unit: text("Benefit unit", 120),
  direction: DirectionSchema,
  valuation: z
    .object({
      perUnitGbp: z
        .number({ error: "Value per unit must be a number" })
        .min(0, "Value per unit cannot be negative")
        .max(10_000_000_000, "Value per unit must be at most £10,000,000,000")
        .optional(),
      note: z.string().max(1000).optional(),
    })
    .optional(),
  enablingFunctionalities: z.array(FunctionalityCodeSchema, {
    error: "Enabling functionalities must be a list of functionality codes",
  }),
  description: z.string().max(2000).optional(),
  sources: z.array(z.string().max(1000)).optional(),
});
/** A benefit type. */
export type BenefitType = z.infer<typeof BenefitTypeSchema>;

/** A national roadmap milestone: a share of trusts reaching EPR live, or a tier, by a date. */
export const RoadmapMilestoneSchema = z
  .object({
    id: text("Milestone id", 100),
    title: text("Milestone title", 200),
    targetDate: isoDate("Milestone target date"),
    measure: z.enum(["epr_live", "tier_at_least"], {
      error: "Milestone measure must be epr_live or tier_at_least",
    }),
    tier: tierNumber.optional(),
    shareOfTrusts: z
      .number({ error: "Share of trusts must be a number from 0 to 1" })
      .min(0, "Share of trusts must be from 0 to 1")
      .max(1, "Share of trusts must be from 0 to 1"),
    trustTypes: trustTypes("Milestone trust types"),
    sources: z.array(z.string().max(1000)).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.measure === "tier_at_least" && m.tier === undefined) {
      ctx.addIssue({ code: "custom", path: ["tier"], message: "A tier milestone needs a tier" });
    }
  });
/** A roadmap milestone. */
export type RoadmapMilestone = z.infer<typeof RoadmapMilestoneSchema>;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** A version of the national framework, checked as a whole so that every reference resolves. */
export const FrameworkSchema = z
  .object({
    version: z
      .number({ error: "Framework version must be a number" })
      .int("Framework version must be a whole number")
      .min(1, "Framework version must be at least 1"),
    name: text("Framework name", 200),
    status: FrameworkStatusSchema,
    effectiveFrom: isoDate("Framework effective date"),
    tiers: z
      .array(TierSchema, { error: "Tiers must be a list" })
      .min(1, "A framework needs at least one tier"),
    functionalities: z
      .array(FunctionalitySchema, { error: "Functionalities must be a list" })
      .min(1, "A framework needs at least one functionality"),
    criteria: z.array(TierCriterionSchema, { error: "Criteria must be a list" }),
    benefitTypes: z.array(BenefitTypeSchema, { error: "Benefit types must be a list" }),
    milestones: z.array(RoadmapMilestoneSchema, { error: "Milestones must be a list" }),
  })
  .superRefine((fw, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });

    const numbers = fw.tiers.map((t) => t.number);
    numbers.forEach((n, i) => {
      if (n !== i + 1)
        issue(
          ["tiers", i, "number"],
          `Tiers must be numbered 1 to ${fw.tiers.length} in order; found ${n} at position ${i + 1}`,
        );
    });
    const tierSet = new Set(numbers);

    for (const code of duplicates(fw.functionalities.map((f) => f.code)))
      issue(["functionalities"], `Functionality code ${code} is used more than once`);
    const fnByCode = new Map(fw.functionalities.map((f) => [f.code, f]));
    fw.functionalities.forEach((f, i) => {
      if (!tierSet.has(f.tier))
        issue(
          ["functionalities", i, "tier"],
          `Functionality ${f.code} is in tier ${f.tier}, which does not exist`,
        );
    });

    for (const id of duplicates(fw.criteria.map((c) => c.id)))
      issue(["criteria"], `Criterion id ${id} is used more than once`);
    fw.criteria.forEach((c, i) => {
      if (!tierSet.has(c.tier))
        issue(["criteria", i, "tier"], `Criterion ${c.id} is in tier ${c.tier}, which does not exist`);
      const fns = c.functionalityCodes.map((code) => fnByCode.get(code));
      c.functionalityCodes.forEach((code, j) => {
        if (!fnByCode.has(code))
          issue(
            ["criteria", i, "functionalityCodes", j],
            `Criterion ${c.id} names functionality ${code}, which does not exist`,
          );
      });
      for (const t of c.appliesTo) {
        // A criterion must be meetable by every trust type it applies to, or those trusts can never attain the tier.
        const offered = fns.filter((f) => f?.appliesTo.includes(t)).length;
        const needed = c.kind === "mandatory" ? 1 : (c.k ?? 1);
        if (fns.every((f) => f !== undefined) && offered < needed) {
          issue(
            ["criteria", i, "appliesTo"],
            `Criterion ${c.id} applies to ${t} trusts but offers them ${offered} applicable functionalities; it needs ${needed}`,
          );
        }
      }
    });

    for (const code of duplicates(fw.benefitTypes.map((b) => b.code)))
      issue(["benefitTypes"], `Benefit type code ${code} is used more than once`);
    fw.benefitTypes.forEach((b, i) => {
      b.enablingFunctionalities.forEach((code, j) => {
        if (!fnByCode.has(code))
          issue(
            ["benefitTypes", i, "enablingFunctionalities", j],
            `Benefit type ${b.code} names functionality ${code}, which does not exist`,
          );
      });
    });

    for (const id of duplicates(fw.milestones.map((m) => m.id)))
      issue(["milestones"], `Milestone id ${id} is used more than once`);
    fw.milestones.forEach((m, i) => {
      if (m.tier !== undefined && !tierSet.has(m.tier))
        issue(["milestones", i, "tier"], `Milestone ${m.id} names tier ${m.tier}, which does not exist`);
    });
  });
/** A framework version. */
export type Framework = z.infer<typeof FrameworkSchema>;
