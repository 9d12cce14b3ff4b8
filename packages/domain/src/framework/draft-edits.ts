import type { Crosswalk } from "../crosswalk/schema.js";
import { AppError, type FieldIssue } from "../errors/app-error.js";
import {
  type BenefitType,
  type Framework,
  FrameworkSchema,
  type Functionality,
  type RoadmapMilestone,
  type Tier,
  type TierCriterion,
} from "./schema.js";

/** One change to a draft. Replacements are keyed by the old code or id, so a functionality can be renamed. */
export type DraftEdit =
  | { kind: "details"; name: string; effectiveFrom: string }
  | { kind: "tier"; tier: Tier }
  | { kind: "functionality"; code: string; functionality: Functionality }
  | { kind: "addFunctionality"; functionality: Functionality }
  | { kind: "removeFunctionality"; code: string }
  | { kind: "criterion"; id: string; criterion: TierCriterion }
  | { kind: "addCriterion"; criterion: TierCriterion }
  | { kind: "removeCriterion"; id: string }
  | { kind: "benefitType"; code: string | null; benefitType: BenefitType }
  | { kind: "removeBenefitType"; code: string }
  | { kind: "milestone"; id: string | null; milestone: RoadmapMilestone }
  | { kind: "removeMilestone"; id: string }
  | { kind: "crosswalk"; crosswalk: Crosswalk };

/** A draft after one edit, with what the audit row records. */
export interface EditedDraft {
  framework: Framework;
  crosswalk: Crosswalk | null;
  audit: { key: string; before: unknown; after: unknown };
}

type Path = FieldIssue["path"];

function indexOrThrow<T>(list: readonly T[], match: (t: T) => boolean, what: string): number {
  const i = list.findIndex(match);
  if (i < 0) throw AppError.notFound(`${what} is not in this draft`);
  return i;
}

function duplicate(what: string, path: Path): never {
  throw AppError.invalid([{ path, message: `${what} is already in this draft` }]);
}

/**
 * Keep a crosswalk pointing at codes that exist: a rename becomes `renamed`, a removal `retired`.
 *
 * Why: the crosswalk must always say where each old code's records go, even as the draft is edited under it.
 */
export function reconcileCrosswalk(
  crosswalk: Crosswalk | null,
  rename: [string, string] | null,
  removed: string | null,
): Crosswalk | null {
  if (!crosswalk) return null;
  const entries: Crosswalk["entries"] = [];
  const retired: string[] = [];
  for (const entry of crosswalk.entries) {
    let to = entry.to.map((c) => (rename && c === rename[0] ? rename[1] : c));
    if (removed) to = to.filter((c) => c !== removed);
    let kind = entry.kind;
    if (kind === "kept" && to[0] !== entry.from[0]) kind = to.length === 1 ? "renamed" : kind;
    if (kind === "renamed" && to[0] === entry.from[0]) kind = "kept";
    if (kind === "split" && to.length === 1) kind = to[0] === entry.from[0] ? "kept" : "renamed";
    if (kind === "retired" || to.length === 0) {
      retired.push(...entry.from);
      continue;
    }
    entries.push({ ...entry, kind, to });
  }
  if (retired.length > 0) entries.push({ kind: "retired", from: retired, to: [] });
  return { ...crosswalk, entries };
}

/** Replace or add an element keyed by `key` (null adds), refusing a key another element already has. */
function upsert<T>(
  list: T[],
  key: string | null,
  value: T,
  keyOf: (t: T) => string,
  what: string,
  path: Path,
): { index: number; before: T | null } {
  const i = key === null ? -1 : indexOrThrow(list, (t) => keyOf(t) === key, `${what} ${key}`);
  const clash = list.findIndex((t) => keyOf(t) === keyOf(value));
  if (clash >= 0 && clash !== i) duplicate(`${what} ${keyOf(value)}`, path);
  if (i >= 0) {
    const before = list[i] as T;
    list[i] = value;
    return { index: i, before };
  }
  list.push(value);
  return { index: list.length - 1, before: null };
}

/** Remove the element keyed by `key`. */
function remove<T>(list: T[], key: string, keyOf: (t: T) => string, what: string): T {
  const i = indexOrThrow(list, (t) => keyOf(t) === key, `${what} ${key}`);
  return list.splice(i, 1)[0] as T;
}

/**
 * Apply one edit to a draft and validate the whole document. Errors name the field of the edit (for
 * example `functionality.measures.0.thresholds`), not its place in the document.
 *
 * Why: a draft is edited piece by piece, but only a whole, valid framework may be stored; a rename carries
 * every reference with it, so criteria, benefit types and the crosswalk keep meaning the same thing.
 */
export function applyDraftEdit(fw: Framework, crosswalk: Crosswalk | null, edit: DraftEdit): EditedDraft {
  const next = structuredClone(fw);
  let cw = crosswalk;
  let key = "";
  let before: unknown = null;
  let after: unknown = null;
  /** Maps a path in the document to the field of the edit, so errors name what the user edited. */
  let relabel = (path: Path): Path => path;
  const relabelAt = (list: string, at: number, field: string) => (p: Path) =>
    p[0] === list && p[1] === at ? [field, ...p.slice(2)] : p;
  switch (edit.kind) {
    case "details":
      before = { name: fw.name, effectiveFrom: fw.effectiveFrom };
      next.name = edit.name;
      next.effectiveFrom = edit.effectiveFrom;
      after = { name: edit.name, effectiveFrom: edit.effectiveFrom };
      key = "details";
      break;
    case "tier": {
      const i = indexOrThrow(next.tiers, (t) => t.number === edit.tier.number, `Tier ${edit.tier.number}`);
      before = next.tiers[i];
      next.tiers[i] = edit.tier;
      after = edit.tier;
      key = `tier ${edit.tier.number}`;
      relabel = relabelAt("tiers", i, "tier");
      break;
    }
    case "functionality": {
      const i = indexOrThrow(next.functionalities, (f) => f.code === edit.code, `Functionality ${edit.code}`);
      const newCode = edit.functionality.code;
      if (newCode !== edit.code && next.functionalities.some((f) => f.code === newCode))
        duplicate(`Functionality ${newCode}`, ["functionality", "code"]);
      before = next.functionalities[i];
      next.functionalities[i] = edit.functionality;
      if (newCode !== edit.code) {
        const swap = (c: string) => (c === edit.code ? newCode : c);
        next.criteria = next.criteria.map((c) => ({
          ...c,
          functionalityCodes: c.functionalityCodes.map(swap),
        }));
        next.benefitTypes = next.benefitTypes.map((b) => ({
          ...b,
          enablingFunctionalities: b.enablingFunctionalities.map(swap),
        }));
        cw = reconcileCrosswalk(cw, [edit.code, newCode], null);
      }
      after = edit.functionality;
      key = edit.code;
      relabel = relabelAt("functionalities", i, "functionality");
      break;
    }
    case "addFunctionality": {
      if (next.functionalities.some((f) => f.code === edit.functionality.code))
        duplicate(`Functionality ${edit.functionality.code}`, ["functionality", "code"]);
      next.functionalities.push(edit.functionality);
      after = edit.functionality;
      key = edit.functionality.code;
      relabel = relabelAt("functionalities", next.functionalities.length - 1, "functionality");
      break;
    }
    case "removeFunctionality":
      before = remove(next.functionalities, edit.code, (f) => f.code, "Functionality");
      cw = reconcileCrosswalk(cw, null, edit.code);
      key = edit.code;
      break;
    case "criterion": {
      const i = indexOrThrow(next.criteria, (c) => c.id === edit.id, `Criterion ${edit.id}`);
      if (edit.criterion.id !== edit.id && next.criteria.some((c) => c.id === edit.criterion.id))
        duplicate(`Criterion ${edit.criterion.id}`, ["criterion", "id"]);
      before = next.criteria[i];
      next.criteria[i] = edit.criterion;
      after = edit.criterion;
      key = edit.id;
      relabel = relabelAt("criteria", i, "criterion");
      break;
    }
    case "addCriterion": {
      if (next.criteria.some((c) => c.id === edit.criterion.id))
        duplicate(`Criterion ${edit.criterion.id}`, ["criterion", "id"]);
      next.criteria.push(edit.criterion);
      after = edit.criterion;
      key = edit.criterion.id;
      relabel = relabelAt("criteria", next.criteria.length - 1, "criterion");
      break;
    }
    case "removeCriterion":
      before = remove(next.criteria, edit.id, (c) => c.id, "Criterion");
      key = edit.id;
      break;
    case "benefitType": {
      const saved = upsert(next.benefitTypes, edit.code, edit.benefitType, (b) => b.code, "Benefit type", [
        "benefitType",
        "code",
      ]);
      before = saved.before;
      after = edit.benefitType;
      key = edit.benefitType.code;
      relabel = relabelAt("benefitTypes", saved.index, "benefitType");
      break;
    }
    case "removeBenefitType":
      before = remove(next.benefitTypes, edit.code, (b) => b.code, "Benefit type");
      key = edit.code;
      break;
    case "milestone": {
      const saved = upsert(next.milestones, edit.id, edit.milestone, (m) => m.id, "Milestone", [
        "milestone",
        "id",
      ]);
      before = saved.before;
      after = edit.milestone;
      key = edit.milestone.id;
      relabel = relabelAt("milestones", saved.index, "milestone");
      break;
    }
    case "removeMilestone":
      before = remove(next.milestones, edit.id, (m) => m.id, "Milestone");
      key = edit.id;
      break;
    case "crosswalk":
      before = crosswalk;
      cw = edit.crosswalk;
      after = edit.crosswalk;
      key = "crosswalk";
      break;
  }
  const checked = FrameworkSchema.safeParse(next);
  if (!checked.success)
    throw AppError.invalid(
      checked.error.issues.map((i) => ({ path: relabel(i.path as Path), message: i.message })),
    );
  return { framework: checked.data, crosswalk: cw, audit: { key, before, after } };
}
