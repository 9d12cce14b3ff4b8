import {
  assessTrust,
  type BenefitType,
  type Crosswalk,
  CrosswalkSchema,
  carryForward,
  defaultCrosswalk,
  deriveAdoptionLevel,
  diffFrameworks,
  draftNextVersion,
  effectiveLevel,
  type Framework,
  type FrameworkDiff,
  FrameworkSchema,
  type Functionality,
  type RoadmapMilestone,
  type Tier,
  type TierCriterion,
  toAdoptionLevel,
  type ValidationState,
} from "@realise/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import { ConflictError, NotFoundError, StateError, ValidationError } from "../errors.js";
import type { DB } from "../schema.js";
import { refreshOrganisationTier } from "./adoption.js";
import { type Actor, writeAudit } from "../repositories/audit.js";
import { forgetFramework, frameworkVersion } from "../repositories/frameworks.js";

type Db = Kysely<DB> | Transaction<DB>;
type Issue = { path: Array<string | number>; message: string };

export interface FrameworkVersionSummary {
  version: number;
  name: string;
  status: "draft" | "published" | "retired";
  effectiveFrom: string;
  createdAt: Date;
  publishedAt: Date | null;
  rowVersion: number;
}

export interface FrameworkVersionDetail extends FrameworkVersionSummary {
  document: Framework;
  crosswalk: Crosswalk | null;
  /** Codes of the published version the crosswalk starts from (drafts only), for the crosswalk editor. */
  previousCodes: Array<{ code: string; name: string }>;
}

const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);

function versionRows(db: Db) {
  return db
    .selectFrom("framework_version")
    .select([
      "version",
      "name",
      "status",
      sql<string>`to_char(effective_from, 'YYYY-MM-DD')`.as("effectiveFrom"),
      "created_at as createdAt",
      "published_at as publishedAt",
      "row_version as rowVersion",
      "document",
      "crosswalk",
    ]);
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionRows>["executeTakeFirstOrThrow"]>>;

function summaryOf(row: VersionRow): FrameworkVersionSummary {
  return {
    version: row.version,
    name: row.name,
    status: row.status as FrameworkVersionSummary["status"],
    effectiveFrom: row.effectiveFrom,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    rowVersion: row.rowVersion,
  };
}

function documentOf(row: VersionRow): Framework {
  return FrameworkSchema.parse({ ...json(row.document), status: row.status });
}

function crosswalkOf(row: VersionRow): Crosswalk | null {
  return row.crosswalk == null ? null : CrosswalkSchema.parse(json(row.crosswalk));
}

/** Every framework version, newest first, without documents. */
export async function listFrameworkVersions(db: Kysely<DB>): Promise<FrameworkVersionSummary[]> {
  const rows = await versionRows(db).orderBy("version", "desc").execute();
  return rows.map(summaryOf);
}

async function newestPublished(db: Db, lock = false) {
  let q = versionRows(db).where("status", "=", "published").orderBy("version", "desc").limit(1);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError("No framework version has been published");
  return row;
}

/** One version with its document and crosswalk. */
export async function frameworkVersionDetail(
  db: Kysely<DB>,
  version: number,
): Promise<FrameworkVersionDetail> {
  const row = await versionRows(db).where("version", "=", version).executeTakeFirst();
  if (!row) throw new NotFoundError(`Framework version ${version} does not exist`);
  const crosswalk = crosswalkOf(row);
  let previousCodes: FrameworkVersionDetail["previousCodes"] = [];
  if (crosswalk) {
    const previous = await frameworkVersion(db, crosswalk.fromVersion).catch(() => null);
    previousCodes = previous?.functionalities.map((f) => ({ code: f.code, name: f.name })) ?? [];
  }
  return { ...summaryOf(row), document: documentOf(row), crosswalk, previousCodes };
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Start the next version as a copy of the one in force, with a crosswalk that keeps every code.
 * One draft at a time, so the crosswalk always starts from the version in force.
 */
export async function createFrameworkDraft(
  db: Kysely<DB>,
  actor: Actor,
  options: { effectiveFrom?: string | undefined; name?: string | undefined } = {},
): Promise<FrameworkVersionDetail> {
  const version = await db.transaction().execute(async (trx) => {
    const published = await newestPublished(trx, true);
    const existing = await trx
      .selectFrom("framework_version")
      .select("version")
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (existing) {
      throw new StateError(
        `Version ${existing.version} is already a draft; publish or discard it before starting another`,
      );
    }
    const max = await trx
      .selectFrom("framework_version")
      .select((eb) => eb.fn.max("version").as("max"))
      .executeTakeFirstOrThrow();
    const base = documentOf(published);
    const next = Number(max.max) + 1;
    const draft: Framework = {
      ...draftNextVersion(base, options.effectiveFrom ?? today()),
      version: next,
      name: options.name ?? base.name,
    };
    const checked = FrameworkSchema.safeParse(draft);
    if (!checked.success)
      throw new ValidationError(
        checked.error.issues.map((i) => ({ path: i.path as Issue["path"], message: i.message })),
      );
    const crosswalk = defaultCrosswalk(base, draft);
    await trx
      .insertInto("framework_version")
      .values({
        version: next,
        name: draft.name,
        status: "draft",
        effective_from: draft.effectiveFrom,
        document: JSON.stringify(draft),
        crosswalk: JSON.stringify(crosswalk),
      })
      .execute();
    await writeAudit(trx, actor, {
      action: "framework.draft",
      entity: "framework_version",
      entityKey: String(next),
      after: { version: next, copiedFrom: base.version, effectiveFrom: draft.effectiveFrom },
    });
    return next;
  });
  return frameworkVersionDetail(db, version);
}

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

export interface DraftRef {
  version: number;
  /** The row_version the editor read. */
  expectedRowVersion: number;
}

function indexOrThrow<T>(list: readonly T[], match: (t: T) => boolean, what: string): number {
  const i = list.findIndex(match);
  if (i < 0) throw new NotFoundError(`${what} is not in this draft`);
  return i;
}

function duplicate(what: string, path: string[]): never {
  throw new ValidationError([{ path, message: `${what} is already in this draft` }]);
}

/** Keep the crosswalk pointing at codes that exist: a rename becomes `renamed`, a removal `retired`. */
function reconcileCrosswalk(
  crosswalk: Crosswalk | null,
  rename: [string, string] | null,
  removed: string | null,
) {
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
    if (kind !== "retired" && to.length === 0) {
      retired.push(...entry.from);
      continue;
    }
    if (kind === "retired") {
      retired.push(...entry.from);
      continue;
    }
    entries.push({ ...entry, kind, to });
  }
  if (retired.length > 0) entries.push({ kind: "retired", from: retired, to: [] });
  return { ...crosswalk, entries };
}

/** Apply one edit to a draft document (pure); returns the new document, crosswalk and what to audit. */
function applyEdit(fw: Framework, crosswalk: Crosswalk | null, edit: DraftEdit) {
  const next = structuredClone(fw);
  let cw = crosswalk;
  let key = "";
  let before: unknown = null;
  let after: unknown = null;
  /** Maps a path in the document to the field the caller sent, so errors name what the user edited. */
  let relabel = (path: Issue["path"]): Issue["path"] => path;
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
      relabel = (p) => (p[0] === "tiers" && p[1] === i ? ["tier", ...p.slice(2)] : p);
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
        // A rename carries every reference with it, so criteria and benefit types keep meaning the same thing.
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
      relabel = (p) => (p[0] === "functionalities" && p[1] === i ? ["functionality", ...p.slice(2)] : p);
      break;
    }
    case "addFunctionality": {
      if (next.functionalities.some((f) => f.code === edit.functionality.code))
        duplicate(`Functionality ${edit.functionality.code}`, ["functionality", "code"]);
      next.functionalities.push(edit.functionality);
      const i = next.functionalities.length - 1;
      after = edit.functionality;
      key = edit.functionality.code;
      relabel = (p) => (p[0] === "functionalities" && p[1] === i ? ["functionality", ...p.slice(2)] : p);
      break;
    }
    case "removeFunctionality": {
      const i = indexOrThrow(next.functionalities, (f) => f.code === edit.code, `Functionality ${edit.code}`);
      before = next.functionalities[i];
      next.functionalities.splice(i, 1);
      cw = reconcileCrosswalk(cw, null, edit.code);
      key = edit.code;
      break;
    }
    case "criterion": {
      const i = indexOrThrow(next.criteria, (c) => c.id === edit.id, `Criterion ${edit.id}`);
      if (edit.criterion.id !== edit.id && next.criteria.some((c) => c.id === edit.criterion.id))
        duplicate(`Criterion ${edit.criterion.id}`, ["criterion", "id"]);
      before = next.criteria[i];
      next.criteria[i] = edit.criterion;
      after = edit.criterion;
      key = edit.id;
      relabel = (p) => (p[0] === "criteria" && p[1] === i ? ["criterion", ...p.slice(2)] : p);
      break;
    }
    case "addCriterion": {
      if (next.criteria.some((c) => c.id === edit.criterion.id))
        duplicate(`Criterion ${edit.criterion.id}`, ["criterion", "id"]);
      next.criteria.push(edit.criterion);
      const i = next.criteria.length - 1;
      after = edit.criterion;
      key = edit.criterion.id;
      relabel = (p) => (p[0] === "criteria" && p[1] === i ? ["criterion", ...p.slice(2)] : p);
      break;
    }
    case "removeCriterion": {
      const i = indexOrThrow(next.criteria, (c) => c.id === edit.id, `Criterion ${edit.id}`);
      before = next.criteria[i];
      next.criteria.splice(i, 1);
      key = edit.id;
      break;
    }
    case "benefitType": {
      const code = edit.code;
      const i =
        code === null ? -1 : indexOrThrow(next.benefitTypes, (b) => b.code === code, `Benefit type ${code}`);
      const clash = next.benefitTypes.findIndex((b) => b.code === edit.benefitType.code);
      if (clash >= 0 && clash !== i)
        duplicate(`Benefit type ${edit.benefitType.code}`, ["benefitType", "code"]);
      if (i >= 0) {
        before = next.benefitTypes[i];
        next.benefitTypes[i] = edit.benefitType;
      } else next.benefitTypes.push(edit.benefitType);
      const at = i >= 0 ? i : next.benefitTypes.length - 1;
      after = edit.benefitType;
      key = edit.benefitType.code;
      relabel = (p) => (p[0] === "benefitTypes" && p[1] === at ? ["benefitType", ...p.slice(2)] : p);
      break;
    }
    case "removeBenefitType": {
      const i = indexOrThrow(next.benefitTypes, (b) => b.code === edit.code, `Benefit type ${edit.code}`);
      before = next.benefitTypes[i];
      next.benefitTypes.splice(i, 1);
      key = edit.code;
      break;
    }
    case "milestone": {
      const id = edit.id;
      const i = id === null ? -1 : indexOrThrow(next.milestones, (m) => m.id === id, `Milestone ${id}`);
      const clash = next.milestones.findIndex((m) => m.id === edit.milestone.id);
      if (clash >= 0 && clash !== i) duplicate(`Milestone ${edit.milestone.id}`, ["milestone", "id"]);
      if (i >= 0) {
        before = next.milestones[i];
        next.milestones[i] = edit.milestone;
      } else next.milestones.push(edit.milestone);
      const at = i >= 0 ? i : next.milestones.length - 1;
      after = edit.milestone;
      key = edit.milestone.id;
      relabel = (p) => (p[0] === "milestones" && p[1] === at ? ["milestone", ...p.slice(2)] : p);
      break;
    }
    case "removeMilestone": {
      const i = indexOrThrow(next.milestones, (m) => m.id === edit.id, `Milestone ${edit.id}`);
      before = next.milestones[i];
      next.milestones.splice(i, 1);
      key = edit.id;
      break;
    }
    case "crosswalk":
      before = crosswalk;
      cw = edit.crosswalk;
      after = edit.crosswalk;
      key = "crosswalk";
      break;
  }
  return { framework: next, crosswalk: cw, audit: { key, before, after }, relabel };
}

/**
 * Crosswalk problems against the two versions: unknown codes, a wrong version pair and, when publishing,
 * previous codes with no entry (every old code must say where its records go).
 */
export function crosswalkIssues(
  crosswalk: Crosswalk | null,
  previous: Framework,
  draft: Framework,
  requireComplete: boolean,
): Issue[] {
  if (!crosswalk) {
    return requireComplete
      ? [
          {
            path: ["crosswalk"],
            message: `A crosswalk from version ${previous.version} is required to publish`,
          },
        ]
      : [];
  }
  const issues: Issue[] = [];
  if (crosswalk.fromVersion !== previous.version)
    issues.push({
      path: ["crosswalk", "fromVersion"],
      message: `The crosswalk must start from version ${previous.version}, the version in force`,
    });
  if (crosswalk.toVersion !== draft.version)
    issues.push({
      path: ["crosswalk", "toVersion"],
      message: `The crosswalk must lead to version ${draft.version}`,
    });
  const oldCodes = new Set(previous.functionalities.map((f) => f.code));
  const newCodes = new Set(draft.functionalities.map((f) => f.code));
  const covered = new Set<string>();
  crosswalk.entries.forEach((e, i) => {
    e.from.forEach((code, j) => {
      covered.add(code);
      if (!oldCodes.has(code))
        issues.push({
          path: ["crosswalk", "entries", i, "from", j],
          message: `${code} is not a functionality of version ${previous.version}`,
        });
    });
    e.to.forEach((code, j) => {
      if (!newCodes.has(code))
        issues.push({
          path: ["crosswalk", "entries", i, "to", j],
          message: `${code} is not a functionality of draft version ${draft.version}`,
        });
    });
  });
  if (requireComplete) {
    const missing = previous.functionalities.filter((f) => !covered.has(f.code)).map((f) => f.code);
    if (missing.length > 0)
      issues.push({
        path: ["crosswalk", "entries"],
        message: `The crosswalk does not say what happens to ${missing.join(", ")}; mark each kept, renamed, split, merged or retired`,
      });
  }
  return issues;
}

async function lockVersion(trx: Transaction<DB>, ref: DraftRef, verb: string) {
  const row = await versionRows(trx).where("version", "=", ref.version).forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError(`Framework version ${ref.version} does not exist`);
  if (row.status !== "draft") {
    throw new StateError(
      `Framework version ${ref.version} is ${row.status}, so it cannot be ${verb}: a published version never changes. Create a new draft to make changes.`,
    );
  }
  if (row.rowVersion !== ref.expectedRowVersion) {
    throw new ConflictError(
      `Someone else changed draft version ${ref.version} since you opened it (now revision ${row.rowVersion}, you edited revision ${ref.expectedRowVersion}); reload it and make your change again`,
      { version: row.version, rowVersion: row.rowVersion },
    );
  }
  return row;
}

/**
 * Change a draft: check it is still a draft and unchanged since the editor read it, apply the edit, validate
 * the whole document (errors name the field edited), store it and its audit row together.
 */
export async function editFrameworkDraft(
  db: Kysely<DB>,
  actor: Actor,
  ref: DraftRef,
  edit: DraftEdit,
): Promise<{ version: number; rowVersion: number }> {
  return db.transaction().execute(async (trx) => {
    const row = await lockVersion(trx, ref, "edited");
    const current = documentOf(row);
    const { framework, crosswalk, audit, relabel } = applyEdit(current, crosswalkOf(row), edit);
    const checked = FrameworkSchema.safeParse(framework);
    if (!checked.success) {
      throw new ValidationError(
        checked.error.issues.map((i) => ({ path: relabel(i.path as Issue["path"]), message: i.message })),
      );
    }
    if (crosswalk) {
      const previous = await frameworkVersion(trx, crosswalk.fromVersion).catch(() => null);
      const issues = previous ? crosswalkIssues(crosswalk, previous, checked.data, false) : [];
      if (issues.length > 0) throw new ValidationError(issues);
    }
    const rowVersion = row.rowVersion + 1;
    await trx
      .updateTable("framework_version")
      .set({
        name: checked.data.name,
        effective_from: checked.data.effectiveFrom,
        document: JSON.stringify(checked.data),
        crosswalk: crosswalk ? JSON.stringify(crosswalk) : null,
        row_version: rowVersion,
      })
      .where("version", "=", ref.version)
      .execute();
    await writeAudit(trx, actor, {
      action: `framework.edit.${edit.kind}`,
      entity: "framework_version",
      entityKey: `${ref.version}/${audit.key}`,
      before: audit.before,
      after: audit.after,
    });
    return { version: ref.version, rowVersion };
  });
}

/** Throw a draft away (only drafts; a published version is history). */
export async function discardFrameworkDraft(db: Kysely<DB>, actor: Actor, ref: DraftRef) {
  return db.transaction().execute(async (trx) => {
    const row = await lockVersion(trx, ref, "discarded");
    await trx.deleteFrom("framework_version").where("version", "=", ref.version).execute();
    await writeAudit(trx, actor, {
      action: "framework.discard",
      entity: "framework_version",
      entityKey: String(ref.version),
      before: { version: row.version, name: row.name },
    });
    return { version: ref.version };
  });
}

/** An adoption record as carry-forward and re-derivation need it. */
interface CarriedSource {
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
  validationState: string;
}

/** The level a record gets under a version's functionality definition: the same rules as an edit. */
function rederive(fw: Map<string, Functionality>, r: CarriedSource) {
  const fn = fw.get(r.functionalityCode);
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
    r.validationState as ValidationState,
  );
  return { derivedLevel: derived.level, level, rule: derived.rule };
}

async function sourceRecords(db: Db): Promise<CarriedSource[]> {
  return db
    .selectFrom("adoption_record")
    .select([
      "ods_code as odsCode",
      "functionality_code as functionalityCode",
      "level",
      "coverage_pct as coveragePct",
      "usage_numerator as usageNumerator",
      "usage_denominator as usageDenominator",
      "paper_retired as paperRetired",
      "benefit_measured as benefitMeasured",
      sql<string | null>`to_char(planned_go_live, 'YYYY-MM-DD')`.as("plannedGoLive"),
      "claimed_level as claimedLevel",
      "validation_state as validationState",
    ])
    .execute();
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
  /** Records the crosswalk would not carry, by old code. */
  notCarried: Array<{ functionalityCode: string; records: number; reason: string }>;
}

/**
 * What publishing a draft would do to tiers: carry every trust's records through the draft's crosswalk,
 * re-derive their levels under the draft's thresholds, assess each trust and compare with its tier today.
 */
export async function frameworkDraftEffect(db: Kysely<DB>, version: number): Promise<DraftEffect> {
  const row = await versionRows(db).where("version", "=", version).executeTakeFirst();
  if (!row) throw new NotFoundError(`Framework version ${version} does not exist`);
  if (row.status !== "draft")
    throw new StateError(
      `Framework version ${version} is ${row.status}; only a draft has an effect to preview`,
    );
  const draft = documentOf(row);
  const previousRow = await newestPublished(db);
  const previous = documentOf(previousRow);
  const crosswalk = crosswalkOf(row) ?? defaultCrosswalk(previous, draft);
  const [orgs, records] = await Promise.all([
    db
      .selectFrom("organisation as o")
      .leftJoin("organisation_tier as t", "t.ods_code", "o.ods_code")
      .select(["o.ods_code as odsCode", "o.name", "o.trust_type as trustType", "t.attained_tier as tier"])
      .orderBy("o.ods_code")
      .execute(),
    sourceRecords(db),
  ]);
  const { carried, notCarried } = carryForward(crosswalk, records);
  const fns = new Map(draft.functionalities.map((f) => [f.code, f]));
  const byOds = new Map<string, Array<CarriedSource & { derivedLevel: number }>>();
  for (const r of carried) {
    const d = rederive(fns, r);
    if (!d) continue;
    const list = byOds.get(r.odsCode) ?? [];
    list.push({ ...r, level: d.level, derivedLevel: d.derivedLevel });
    byOds.set(r.odsCode, list);
  }
  const types = new Map<string, EffectByType>();
  const changes: DraftEffect["changes"] = [];
  for (const org of orgs) {
    const assessment = assessTrust(
      draft,
      { odsCode: org.odsCode, trustType: org.trustType },
      (byOds.get(org.odsCode) ?? []).map((r) => ({
        ...r,
        validationState: r.validationState as ValidationState,
      })),
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
    version,
    fromVersion: previous.version,
    trusts: orgs.length,
    up: sum("up"),
    same: sum("same"),
    down: sum("down"),
    byTrustType,
    changes,
    notCarried: [...notCarriedByCode.values()].sort((a, b) =>
      a.functionalityCode.localeCompare(b.functionalityCode),
    ),
  };
}

export interface PublishResult {
  version: number;
  retiredVersion: number;
  carried: number;
  notCarried: Array<{ odsCode: string; functionalityCode: string; reason: string }>;
  trustsRefreshed: number;
}

const CHUNK = 400;

/**
 * Publish a draft, in one transaction: validate it and its crosswalk (which must cover every code of the
 * version in force), retire the version in force, carry every adoption record forward by the crosswalk with
 * its level re-derived under the new thresholds, recompute every trust's tier, and audit all of it.
 */
export async function publishFrameworkDraft(
  db: Kysely<DB>,
  actor: Actor,
  ref: DraftRef,
): Promise<PublishResult> {
  const result = await db.transaction().execute(async (trx) => {
    const row = await lockVersion(trx, ref, "published again");
    const parsed = FrameworkSchema.safeParse({ ...json(row.document), status: "draft" });
    if (!parsed.success)
      throw new ValidationError(
        parsed.error.issues.map((i) => ({ path: i.path as Issue["path"], message: i.message })),
      );
    const previousRow = await newestPublished(trx, true);
    const previous = documentOf(previousRow);
    const crosswalk = crosswalkOf(row);
    const issues = crosswalkIssues(crosswalk, previous, parsed.data, true);
    if (issues.length > 0 || !crosswalk) throw new ValidationError(issues);
    const published: Framework = { ...parsed.data, status: "published" };

    // Adoption writes wait for the carry-forward, so no record is written against the old criteria meanwhile.
    await sql`lock table adoption_record in exclusive mode`.execute(trx);

    await trx
      .updateTable("framework_version")
      .set({ status: "retired", row_version: previousRow.rowVersion + 1 })
      .where("version", "=", previousRow.version)
      .execute();
    await trx
      .updateTable("framework_version")
      .set({
        status: "published",
        document: JSON.stringify(published),
        published_at: new Date(),
        row_version: row.rowVersion + 1,
      })
      .where("version", "=", ref.version)
      .execute();

    const dateText = (c: "window_start" | "window_end" | "planned_go_live") =>
      sql<string | null>`to_char(${sql.ref(c)}, 'YYYY-MM-DD')`;
    const full = (
      await trx
        .selectFrom("adoption_record")
        .selectAll()
        .select([
          dateText("window_start").as("window_start_text"),
          dateText("window_end").as("window_end_text"),
          dateText("planned_go_live").as("planned_go_live_text"),
        ])
        .execute()
    ).map(({ window_start_text, window_end_text, planned_go_live_text, ...r }) => ({
      ...r,
      window_start: window_start_text,
      window_end: window_end_text,
      planned_go_live: planned_go_live_text,
    }));
    const sources = full.map((r) => ({
      odsCode: r.ods_code,
      functionalityCode: r.functionality_code,
      level: r.level,
      row: r,
    }));
    const { carried, notCarried } = carryForward(crosswalk, sources);
    const fns = new Map(published.functionalities.map((f) => [f.code, f]));
    const rows = carried.map((c) => {
      const r = c.row;
      const d = rederive(fns, {
        odsCode: r.ods_code,
        functionalityCode: c.functionalityCode,
        level: r.level,
        coveragePct: r.coverage_pct,
        usageNumerator: r.usage_numerator,
        usageDenominator: r.usage_denominator,
        paperRetired: r.paper_retired,
        benefitMeasured: r.benefit_measured,
        plannedGoLive: r.planned_go_live,
        claimedLevel: r.claimed_level,
        validationState: r.validation_state,
      });
      return {
        carriedFrom: c.carriedFrom,
        before: r,
        values: {
          ...r,
          functionality_code: c.functionalityCode,
          evidence: JSON.stringify(r.evidence),
          derived_level: d?.derivedLevel ?? r.derived_level,
          level: d?.level ?? r.level,
          rule: d?.rule ?? r.rule,
          version: r.version + 1,
        },
      };
    });
    await trx.deleteFrom("adoption_record").execute();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto("adoption_record")
        .values(rows.slice(i, i + CHUNK).map((r) => r.values))
        .execute();
    }

    const auditRows = [
      ...rows
        .filter(
          (r) =>
            r.values.functionality_code !== r.before.functionality_code || r.values.level !== r.before.level,
        )
        .map((r) => ({
          action: "adoption.carry_forward",
          entity: "adoption_record",
          entity_key: `${r.values.ods_code}/${r.values.functionality_code}`,
          ods_code: r.values.ods_code,
          before: JSON.stringify({ functionalityCode: r.before.functionality_code, level: r.before.level }),
          after: JSON.stringify({
            functionalityCode: r.values.functionality_code,
            level: r.values.level,
            carriedFrom: r.carriedFrom,
            frameworkVersion: ref.version,
          }),
        })),
      ...notCarried.map((n) => ({
        action: "adoption.not_carried",
        entity: "adoption_record",
        entity_key: `${n.record.odsCode}/${n.functionalityCode}`,
        ods_code: n.record.odsCode,
        before: JSON.stringify({ ...n.record.row, reason: n.reason }),
        after: null,
      })),
    ].map((a) => ({ ...a, actor_id: actor.userId, actor_email: actor.email }));
    for (let i = 0; i < auditRows.length; i += CHUNK) {
      await trx
        .insertInto("audit_log")
        .values(auditRows.slice(i, i + CHUNK))
        .execute();
    }

    const orgs = await trx.selectFrom("organisation").select(["ods_code", "trust_type"]).execute();
    for (const org of orgs) await refreshOrganisationTier(trx, published, org.ods_code, org.trust_type);

    await writeAudit(trx, actor, {
      action: "framework.retire",
      entity: "framework_version",
      entityKey: String(previousRow.version),
      before: { status: "published" },
      after: { status: "retired", supersededBy: ref.version },
    });
    await writeAudit(trx, actor, {
      action: "framework.publish",
      entity: "framework_version",
      entityKey: String(ref.version),
      before: { status: "draft" },
      after: {
        status: "published",
        crosswalk,
        carried: rows.length,
        notCarried: notCarried.length,
      },
    });
    return {
      version: ref.version,
      retiredVersion: previousRow.version,
      carried: rows.length,
      notCarried: notCarried.map((n) => ({
        odsCode: n.record.odsCode,
        functionalityCode: n.functionalityCode,
        reason: n.reason,
      })),
      trustsRefreshed: orgs.length,
    };
  });
  forgetFramework(db, result.retiredVersion);
  forgetFramework(db, result.version);
  return result;
}

/**
 * Retire a published version that is no longer in force. The version in force is retired only by
 * publishing its successor, so there is always a framework to score against.
 */
export async function retireFrameworkVersion(db: Kysely<DB>, actor: Actor, ref: DraftRef) {
  await db.transaction().execute(async (trx) => {
    const row = await versionRows(trx).where("version", "=", ref.version).forUpdate().executeTakeFirst();
    if (!row) throw new NotFoundError(`Framework version ${ref.version} does not exist`);
    if (row.status !== "published")
      throw new StateError(
        `Framework version ${ref.version} is ${row.status}; only a published version can be retired${row.status === "draft" ? " (discard a draft instead)" : ""}`,
      );
    if (row.rowVersion !== ref.expectedRowVersion)
      throw new ConflictError(`Framework version ${ref.version} changed since you opened it; reload it`, {
        rowVersion: row.rowVersion,
      });
    const newest = await newestPublished(trx);
    if (newest.version === row.version)
      throw new StateError(
        `Framework version ${ref.version} is the version in force; publish its successor, which retires it`,
      );
    await trx
      .updateTable("framework_version")
      .set({ status: "retired", row_version: row.rowVersion + 1 })
      .where("version", "=", ref.version)
      .execute();
    await writeAudit(trx, actor, {
      action: "framework.retire",
      entity: "framework_version",
      entityKey: String(ref.version),
      before: { status: "published" },
      after: { status: "retired" },
    });
  });
  forgetFramework(db, ref.version);
  return { version: ref.version, status: "retired" as const };
}

/** What changed between two versions, with the later version's crosswalk when it starts from the earlier. */
export async function frameworkVersionsDiff(
  db: Kysely<DB>,
  from: number,
  to: number,
): Promise<{
  from: FrameworkVersionSummary;
  to: FrameworkVersionSummary;
  diff: FrameworkDiff;
  crosswalk: Crosswalk | null;
}> {
  const [a, b] = await Promise.all([frameworkVersionDetail(db, from), frameworkVersionDetail(db, to)]);
  const { document: da, crosswalk: _ca, previousCodes: _pa, ...sa } = a;
  const { document: dbDoc, crosswalk: cb, previousCodes: _pb, ...sb } = b;
  return {
    from: sa,
    to: sb,
    diff: diffFrameworks(da, dbDoc),
    crosswalk: cb && cb.fromVersion === from ? cb : null,
  };
}
