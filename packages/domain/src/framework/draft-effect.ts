import { effectiveLevel } from "../adoption/claim.js";
import { deriveAdoptionLevel } from "../adoption/derive-level.js";
import { type AdoptionLevel, toAdoptionLevel, type ValidationState } from "../adoption/schema.js";
import { carryForward } from "../crosswalk/carry-forward.js";
import type { Crosswalk } from "../crosswalk/schema.js";
import type { TrustType } from "../organisation/schema.js";
import { assessTrust } from "../tiers/assess.js";
import type { Framework, Functionality } from "./schema.js";

/** An adoption record as carry-forward and re-derivation need it. */
export interface CarriedSource {
  odsCode: string;
  functionalityCode: string;
  level: number;
  coveragePct: number | null;
  usageNumerator: number | null;
  usageDenominator: number | null;
  paperRetired: boolean;
  benefitMeasured: boolean;
  plannedGoLive: string | null;
  claimedLevel: number | null;
  validationState: ValidationState;
}

/**
 * The level a record gets under a version's definition of its functionality: the same rules as an edit.
 * Null when the version has no such functionality.
 *
 * Why: thresholds change between versions, so a carried record's level must be derived again, not copied.
 */
export function rederiveLevel(
  functionalities: ReadonlyMap<string, Functionality>,
  r: Omit<CarriedSource, "odsCode" | "level">,
): { derivedLevel: AdoptionLevel; level: AdoptionLevel; rule: string } | null {
  const fn = functionalities.get(r.functionalityCode);
  if (!fn) return null;
  const derived = deriveAdoptionLevel(fn, {
    coveragePct: r.coveragePct,
    usageNumerator: r.usageNumerator,
    usageDenominator: r.usageDenominator,
    paperRetired: r.paperRetired,
    benefitMeasured: r.benefitMeasured,
    plannedGoLive: r.plannedGoLive,
  });
  const level = effectiveLevel(
    derived.level,
    r.claimedLevel === null ? null : toAdoptionLevel(r.claimedLevel),
    r.validationState,
  );
  return { derivedLevel: derived.level, level, rule: derived.rule };
}

export interface EffectByType {
  trustType: string;
  trusts: number;
  up: number;
  same: number;
  down: number;
}

export interface DraftEffect {
  version: number;
  fromVersion: number;
  trusts: number;
  up: number;
  same: number;
  down: number;
  byTrustType: EffectByType[];
  /** Trusts whose tier would change, largest change first. */
  changes: Array<{ odsCode: string; name: string; trustType: string; from: number; to: number }>;
  /** How many adoption records publishing would carry (of them, how many change code or level) and drop. */
  records: RecordCounts;
  /** Records the crosswalk would not carry, by old code. */
  notCarried: Array<{ functionalityCode: string; records: number; reason: string }>;
}

/**
 * Adoption records a publish moves: `carried` records in the new version (a split counts each copy), of
 * which `changed` take a new code or level, and `dropped` old records the crosswalk does not carry.
 */
export interface RecordCounts {
  carried: number;
  changed: number;
  dropped: number;
}

/** Whether a carried record changes code or level on the way. */
export function carriedChanges(
  r: { functionalityCode: string; carriedFrom: readonly string[] },
  levelBefore: number,
  levelAfter: number,
): boolean {
  return r.carriedFrom.length !== 1 || r.carriedFrom[0] !== r.functionalityCode || levelBefore !== levelAfter;
}

/** "12 carried (3 changed), 1 dropped": the counts an admin confirms before publishing. */
export function describeRecordCounts(c: RecordCounts): string {
  return `${c.carried} carried (${c.changed} changed), ${c.dropped} dropped`;
}

/** A trust with the tier it holds today (null when never assessed). */
export interface TrustToday {
  odsCode: string;
  name: string;
  trustType: string;
  tier: number | null;
}

/**
 * What publishing a draft would do to tiers: carry every trust's records through the crosswalk, derive
 * their levels again under the draft's thresholds, assess each trust and compare with its tier today.
 *
 * Why: the national team must see who moves, and by how much, before a new version changes every tier.
 */
export function draftEffect(input: {
  draft: Framework;
  previous: Framework;
  crosswalk: Crosswalk;
  trusts: readonly TrustToday[];
  records: readonly CarriedSource[];
}): DraftEffect {
  const { draft, previous, crosswalk, trusts } = input;
  const { carried, notCarried } = carryForward(crosswalk, input.records);
  const fns = new Map(draft.functionalities.map((f) => [f.code, f]));
  const byOds = new Map<string, Array<CarriedSource & { derivedLevel: number }>>();
  let changed = 0;
  for (const r of carried) {
    const d = rederiveLevel(fns, r);
    if (!d) continue;
    if (carriedChanges(r, r.level, d.level)) changed += 1;
    const list = byOds.get(r.odsCode) ?? [];
    list.push({ ...r, level: d.level, derivedLevel: d.derivedLevel });
    byOds.set(r.odsCode, list);
  }
  const types = new Map<string, EffectByType>();
  const changes: DraftEffect["changes"] = [];
  for (const org of trusts) {
    const assessment = assessTrust(
      draft,
      { odsCode: org.odsCode, trustType: org.trustType as TrustType },
      byOds.get(org.odsCode) ?? [],
    );
    const from = org.tier ?? 0;
    const to = assessment.attainedTier;
    const t = types.get(org.trustType) ?? { trustType: org.trustType, trusts: 0, up: 0, same: 0, down: 0 };
    t.trusts += 1;
    if (to > from) t.up += 1;
    else if (to < from) t.down += 1;
    else t.same += 1;
    types.set(org.trustType, t);
    if (to !== from)
      changes.push({ odsCode: org.odsCode, name: org.name, trustType: org.trustType, from, to });
  }
  changes.sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from) || a.name.localeCompare(b.name));
  const notCarriedByCode = new Map<string, DraftEffect["notCarried"][number]>();
  for (const n of notCarried) {
    const e = notCarriedByCode.get(n.functionalityCode) ?? {
      functionalityCode: n.functionalityCode,
      records: 0,
      reason: n.reason,
    };
    e.records += 1;
    notCarriedByCode.set(n.functionalityCode, e);
  }
  const byTrustType = [...types.values()].sort((a, b) => a.trustType.localeCompare(b.trustType));
  const sum = (k: "up" | "same" | "down") => byTrustType.reduce((s, t) => s + t[k], 0);
  return {
    version: draft.version,
    fromVersion: previous.version,
    trusts: trusts.length,
    up: sum("up"),
    same: sum("same"),
    down: sum("down"),
    byTrustType,
    changes,
    records: { carried: carried.length, changed, dropped: notCarried.length },
    notCarried: [...notCarriedByCode.values()].sort((a, b) =>
      a.functionalityCode.localeCompare(b.functionalityCode),
    ),
  };
}
