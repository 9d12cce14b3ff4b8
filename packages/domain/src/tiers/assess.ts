import { isClaimFlagged } from "../adoption/claim.js";
import { deriveAdoptionLevel } from "../adoption/derive-level.js";
import { ADOPTION_LEVEL_LABELS, toAdoptionLevel, type AdoptionLevel } from "../adoption/schema.js";
import { usagePct } from "../adoption/usage.js";
import type { Framework, Functionality, TierCriterion } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import { attainedTiers, criterionResults } from "./attainment.js";
import { buildGap } from "./gaps.js";
import type { AssessableRecord, FunctionalityView, Gap, TierStatus, TrustAssessment } from "./schema.js";

/**
 * The record that counts for each functionality: the highest version, the later one on a tie.
 *
 * Why: callers may pass history; scoring must use the current value, deterministically.
 */
export function latestRecords<R extends { functionalityCode: string; version?: number }>(
  records: readonly R[],
): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of records) {
    const prev = out.get(r.functionalityCode);
    if (!prev || (r.version ?? 0) >= (prev.version ?? 0)) out.set(r.functionalityCode, r);
  }
  return out;
}

function view(
  fn: Functionality,
  trustType: TrustType,
  record: AssessableRecord | undefined,
): FunctionalityView {
  const applicable = fn.appliesTo.includes(trustType);
  const base = { code: fn.code, name: fn.name, category: fn.category, tier: fn.tier, applicable };
  if (!record) {
    return {
      ...base,
      level: 0,
      derivedLevel: 0,
      claimedLevel: null,
      claimFlag: false,
      rule: "l0.no_record",
      reason: "Not in place: no adoption recorded.",
      coveragePct: null,
      usagePct: null,
      paperRetired: false,
      validationState: null,
    };
  }
  const level = toAdoptionLevel(record.level);
  const derivedLevel = toAdoptionLevel(record.derivedLevel ?? record.level);
  const claimedLevel =
    record.claimedLevel === null || record.claimedLevel === undefined
      ? null
      : toAdoptionLevel(record.claimedLevel);
  let rule = record.rule;
  let reason = record.reason;
  if (rule === undefined || reason === undefined) {
    const d = deriveAdoptionLevel(fn, {
      coveragePct: record.coveragePct,
      usageNumerator: record.usageNumerator,
      usageDenominator: record.usageDenominator,
      paperRetired: record.paperRetired,
      benefitMeasured: record.benefitMeasured ?? false,
      plannedGoLive: record.plannedGoLive ?? null,
    });
    const agrees = d.level === derivedLevel;
    rule ??= agrees ? d.rule : "recorded";
    reason ??= agrees
      ? d.reason
      : `${ADOPTION_LEVEL_LABELS[derivedLevel]}: level L${derivedLevel} as recorded.`;
  }
  return {
    ...base,
    level,
    derivedLevel,
    claimedLevel,
    claimFlag: isClaimFlagged(derivedLevel, claimedLevel),
    rule,
    reason,
    coveragePct: record.coveragePct,
    usagePct: usagePct(record.usageNumerator, record.usageDenominator),
    paperRetired: record.paperRetired,
    validationState: record.validationState ?? null,
  };
}

/**
 * Scores a trust against a framework: attained tier, progress to the next, what it still needs, and each
 * functionality's level.
 *
 * Why: tiers are cumulative (EMRAM) and need every applicable mandatory item plus k of m menu items
 * (DMA "all elements of a level", Meaningful Use core and menu); partial progress is shown so effort is seen.
 */
export function assessTrust(
  framework: Framework,
  organisation: { odsCode: string; trustType: TrustType },
  records: readonly AssessableRecord[],
): TrustAssessment {
  const { trustType } = organisation;
  const fns = new Map(framework.functionalities.map((f) => [f.code, f]));
  const latest = latestRecords(records);
  const levelOf = (code: string): number => toAdoptionLevel(latest.get(code)?.level ?? 0);
  const tiersSorted = [...framework.tiers].sort((a, b) => a.number - b.number);
  const results = criterionResults(framework, trustType, levelOf);
  const attainment = attainedTiers(framework, results);

  let attainedTier = 0;
  const tiers: TierStatus[] = tiersSorted.map((t, i) => {
    const rs = results.get(t.number) ?? [];
    const mandatory = rs.filter((r) => r.criterion.kind === "mandatory");
    const menus = rs.filter((r) => r.criterion.kind === "menu");
    const { attained, criteriaMet } = attainment[i]!;
    if (attained) attainedTier = t.number;
    return {
      tier: t.number,
      name: t.name,
      attained,
      criteriaMet,
      mandatoryMet: mandatory.filter((r) => r.met >= r.required).length,
      mandatoryTotal: mandatory.length,
      menuMet: menus.reduce((s, r) => s + r.met, 0),
      menuRequired: menus.reduce((s, r) => s + r.required, 0),
      menuTotal: menus.reduce((s, r) => s + r.options.length, 0),
    };
  });

  const next = tiersSorted.find((t) => t.number > attainedTier);
  const nextTier = next?.number ?? null;
  let progressToNext = 1;
  const nextTierNeeds: Gap[] = [];
  if (nextTier !== null) {
    const rs = results.get(nextTier) ?? [];
    const units = rs.reduce((s, r) => s + r.required, 0);
    const met = rs.reduce((s, r) => s + r.met, 0);
    progressToNext = units === 0 ? 1 : met / units;
    for (const r of rs) {
      if (r.met >= r.required) continue;
      const stillNeeded = r.criterion.kind === "menu" ? r.required - r.met : undefined;
      for (const code of r.options) {
        const level = levelOf(code);
        const fn = fns.get(code);
        if (!fn || level >= r.criterion.requiredLevel) continue;
        nextTierNeeds.push(buildGap(r.criterion, fn, latest.get(code), level as AdoptionLevel, stillNeeded));
      }
    }
  }

  const functionalities = [...framework.functionalities]
    .sort((a, b) => a.tier - b.tier || a.code.localeCompare(b.code))
    .map((fn) => view(fn, trustType, latest.get(fn.code)));

  return {
    odsCode: organisation.odsCode,
    trustType,
    frameworkVersion: framework.version,
    attainedTier,
    nextTier,
    progressToNext,
    nextTierNeeds,
    tiers,
    functionalities,
  };
}
