import { randomUUID } from "node:crypto";
import {
  type BenefitFlag,
  type BenefitLine,
  benefitFlags,
  benefitMeasuredFor,
  benefitProgress,
  deriveAdoptionLevel,
  effectiveLevel,
  type Framework,
  PeriodSchema,
  periodOf,
  periodRange,
  previousPeriod,
  totalsWithoutDoubleCounting,
} from "@realise/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import Papa from "papaparse";
import { ConflictError, NotFoundError, ValidationError } from "../errors.js";
import type { DB } from "../schema.js";
import { refreshOrganisationTier } from "./adoption.js";
import { type Actor, writeAudit } from "../repositories/audit.js";
import { currentFramework } from "../repositories/frameworks.js";
import { listOrganisations } from "../repositories/organisations.js";

type Db = Kysely<DB> | Transaction<DB>;

/** The editable fields of a register line: everything but its identity and its actuals. */
export type BenefitFields = Omit<BenefitLine, "id" | "odsCode" | "actuals">;

export interface BenefitActualRow {
  period: string;
  value: number;
  source: string | null;
  recordedAt: string;
  recordedBy: string | null;
}

/** A stored register line: the domain's line plus its version and who last changed it. */
export interface BenefitLineRow extends BenefitFields {
  id: string;
  odsCode: string;
  actuals: BenefitActualRow[];
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

const dateText = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

function lineSelect(db: Db) {
  return db
    .selectFrom("benefit_line")
    .select([
      "id",
      "ods_code",
      "benefit_type_code",
      "title",
      "benefit_class",
      "is_disbenefit",
      "owner",
      "metric",
      "unit",
      "direction",
      "baseline_value",
      dateText("baseline_date").as("baseline_date"),
      "baseline_source",
      "target_value",
      dateText("target_date").as("target_date"),
      "trajectory",
      "confidence",
      "status",
      "enabling_functionalities",
      "full_year_value_gbp",
      "attribution_pct",
      "double_count_group",
      "evidence",
      "version",
      "updated_at",
      "updated_by",
    ]);
}

const json = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

/** Register lines with their actuals (oldest period first); all trusts when odsCode is null. */
export async function benefitLines(
  db: Db,
  odsCode: string | null,
  ids?: readonly string[],
): Promise<BenefitLineRow[]> {
  let q = lineSelect(db).orderBy("ods_code").orderBy("created_at").orderBy("id");
  if (odsCode !== null) q = q.where("ods_code", "=", odsCode);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where("id", "in", ids);
  }
  const rows = await q.execute();
  if (rows.length === 0) return [];
  let aq = db
    .selectFrom("benefit_actual as a")
    .innerJoin("benefit_line as l", "l.id", "a.benefit_id")
    .select(["a.benefit_id", "a.period", "a.value", "a.source", "a.recorded_at", "a.recorded_by"])
    .orderBy("a.benefit_id")
    .orderBy("a.period");
  if (odsCode !== null) aq = aq.where("l.ods_code", "=", odsCode);
  if (ids) aq = aq.where("a.benefit_id", "in", ids);
  const actuals = new Map<string, BenefitActualRow[]>();
  for (const a of await aq.execute()) {
    const list = actuals.get(a.benefit_id) ?? [];
    list.push({
      period: a.period,
      value: a.value,
      source: a.source,
      recordedAt: new Date(a.recorded_at).toISOString(),
      recordedBy: a.recorded_by,
    });
    actuals.set(a.benefit_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    odsCode: r.ods_code,
    benefitTypeCode: r.benefit_type_code,
    title: r.title,
    benefitClass: r.benefit_class,
    isDisbenefit: r.is_disbenefit,
    owner: r.owner,
    metric: r.metric,
    unit: r.unit,
    direction: r.direction,
    baseline: { value: r.baseline_value, date: r.baseline_date, source: r.baseline_source },
    target: { value: r.target_value, date: r.target_date },
    trajectory: json<BenefitLine["trajectory"]>(r.trajectory),
    actuals: (actuals.get(r.id) ?? []).sort((x, y) =>
      periodRange(x.period).end < periodRange(y.period).end ? -1 : 1,
    ),
    confidence: r.confidence,
    status: r.status,
    enablingFunctionalities: json<string[]>(r.enabling_functionalities),
    fullYearValueGbp: r.full_year_value_gbp,
    attributionPct: r.attribution_pct,
    doubleCountGroup: r.double_count_group,
    evidence: r.evidence,
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

function lineValues(fields: BenefitFields) {
  return {
    benefit_type_code: fields.benefitTypeCode,
    title: fields.title,
    benefit_class: fields.benefitClass,
    is_disbenefit: fields.isDisbenefit,
    owner: fields.owner,
    metric: fields.metric,
    unit: fields.unit,
    direction: fields.direction,
    baseline_value: fields.baseline.value,
    baseline_date: fields.baseline.date,
    baseline_source: fields.baseline.source,
    target_value: fields.target.value,
    target_date: fields.target.date,
    trajectory: JSON.stringify(
      [...fields.trajectory].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    ),
    confidence: fields.confidence,
    status: fields.status,
    enabling_functionalities: JSON.stringify([...new Set(fields.enablingFunctionalities)]),
    full_year_value_gbp: fields.fullYearValueGbp,
    attribution_pct: fields.attributionPct,
    double_count_group: fields.doubleCountGroup === "" ? null : fields.doubleCountGroup,
    evidence: fields.evidence === "" ? null : fields.evidence,
  };
}

/** References a schema cannot check: the benefit type and functionalities must exist in the framework. */
function checkAgainstFramework(framework: Framework, fields: BenefitFields, prefix: string[]) {
  const issues: ValidationError["issues"] = [];
  if (!framework.benefitTypes.some((b) => b.code === fields.benefitTypeCode)) {
    issues.push({
      path: [...prefix, "benefitTypeCode"],
      message: `Benefit type ${fields.benefitTypeCode} is not in framework version ${framework.version}`,
    });
  }
  fields.enablingFunctionalities.forEach((code, i) => {
    if (!framework.functionalities.some((f) => f.code === code)) {
      issues.push({
        path: [...prefix, "enablingFunctionalities", i],
        message: `Functionality ${code} is not in framework version ${framework.version}`,
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

async function requireTrust(db: Db, odsCode: string) {
  const org = await db
    .selectFrom("organisation")
    .select(["ods_code", "trust_type"])
    .where("ods_code", "=", odsCode)
    .executeTakeFirst();
  if (!org) throw new NotFoundError(`No trust has the ODS code ${odsCode}`);
  return org;
}

async function lockLine(trx: Transaction<DB>, odsCode: string, id: string, expectedVersion: number) {
  const row = await trx
    .selectFrom("benefit_line")
    .select(["id", "version", "enabling_functionalities"])
    .where("id", "=", id)
    .where("ods_code", "=", odsCode)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`Trust ${odsCode} has no benefit line ${id}`);
  const [before] = await benefitLines(trx, odsCode, [id]);
  if (row.version !== expectedVersion) {
    throw new ConflictError(
      `Someone else changed this benefit line (now version ${row.version}, you edited version ${expectedVersion}); review their change and try again`,
      before ?? null,
    );
  }
  return before!;
}

/**
 * Mark the trust's adoption records "benefit measured" when a linked line shows measured improvement (and
 * unmark when none does), re-deriving the level and the trust's tier in the caller's transaction.
 *
 * Why: L5 (optimised) needs a linked benefit with a baseline and measured improvement (domain.md §7.3).
 */
export async function refreshBenefitMeasured(
  trx: Transaction<DB>,
  framework: Framework,
  odsCode: string,
  functionalityCodes: readonly string[],
  actor: Actor | null,
): Promise<string[]> {
  const codes = [...new Set(functionalityCodes)];
  if (codes.length === 0) return [];
  const records = await trx
    .selectFrom("adoption_record")
    .select([
      "functionality_code",
      "coverage_pct",
      "usage_numerator",
      "usage_denominator",
      "paper_retired",
      "benefit_measured",
      dateText("planned_go_live").as("planned_go_live"),
      "claimed_level",
      "validation_state",
      "level",
      "version",
    ])
    .where("ods_code", "=", odsCode)
    .where("functionality_code", "in", codes)
    .forUpdate()
    .execute();
  const lines = await benefitLines(trx, odsCode);
  const changed: string[] = [];
  for (const r of records) {
    const measured = benefitMeasuredFor(odsCode, r.functionality_code, lines);
    if (measured === r.benefit_measured) continue;
    const functionality = framework.functionalities.find((f) => f.code === r.functionality_code);
    if (!functionality) continue;
    const derived = deriveAdoptionLevel(functionality, {
      coveragePct: r.coverage_pct,
      usageNumerator: r.usage_numerator,
      usageDenominator: r.usage_denominator,
      paperRetired: r.paper_retired,
      benefitMeasured: measured,
      plannedGoLive: (r.planned_go_live as string | null) ?? null,
    });
    const level = effectiveLevel(derived.level, r.claimed_level, r.validation_state);
    await trx
      .updateTable("adoption_record")
      .set({
        benefit_measured: measured,
        derived_level: derived.level,
        level,
        rule: derived.rule,
        version: r.version + 1,
        updated_at: new Date(),
        updated_by: actor?.email ?? null,
      })
      .where("ods_code", "=", odsCode)
      .where("functionality_code", "=", r.functionality_code)
      .execute();
    await writeAudit(trx, actor, {
      action: "adoption.benefit_measured",
      entity: "adoption_record",
      entityKey: `${odsCode}/${r.functionality_code}`,
      odsCode,
      before: { benefitMeasured: r.benefit_measured, level: r.level, version: r.version },
      after: { benefitMeasured: measured, level, rule: derived.rule, version: r.version + 1 },
    });
    changed.push(r.functionality_code);
  }
  if (changed.length > 0) await refreshOrganisationTier(trx, framework, odsCode);
  return changed;
}

/** Add a line to a trust's register, audited in the same transaction. */
export async function createBenefitLine(
  db: Kysely<DB>,
  odsCode: string,
  fields: BenefitFields,
  actor: Actor,
): Promise<BenefitLineRow> {
  const framework = await currentFramework(db);
  checkAgainstFramework(framework, fields, ["line"]);
  return db.transaction().execute(async (trx) => {
    await requireTrust(trx, odsCode);
    const id = randomUUID();
    await trx
      .insertInto("benefit_line")
      .values({ ...lineValues(fields), id, ods_code: odsCode, updated_by: actor.email })
      .execute();
    const [after] = await benefitLines(trx, odsCode, [id]);
    await writeAudit(trx, actor, {
      action: "benefit.create",
      entity: "benefit_line",
      entityKey: id,
      odsCode,
      before: null,
      after,
    });
    return after!;
  });
}

/** Change a line; a stale version is refused with what is there now. */
export async function updateBenefitLine(
  db: Kysely<DB>,
  update: { odsCode: string; id: string; expectedVersion: number; fields: BenefitFields },
  actor: Actor,
): Promise<BenefitLineRow> {
  const framework = await currentFramework(db);
  checkAgainstFramework(framework, update.fields, ["line"]);
  return db.transaction().execute(async (trx) => {
    const before = await lockLine(trx, update.odsCode, update.id, update.expectedVersion);
    await trx
      .updateTable("benefit_line")
      .set({
        ...lineValues(update.fields),
        version: before.version + 1,
        updated_at: new Date(),
        updated_by: actor.email,
      })
      .where("id", "=", update.id)
      .execute();
    const [after] = await benefitLines(trx, update.odsCode, [update.id]);
    await writeAudit(trx, actor, {
      action: "benefit.update",
      entity: "benefit_line",
      entityKey: update.id,
      odsCode: update.odsCode,
      before,
      after,
    });
    await refreshBenefitMeasured(
      trx,
      framework,
      update.odsCode,
      [...before.enablingFunctionalities, ...update.fields.enablingFunctionalities],
      actor,
    );
    return after!;
  });
}

/** Periods still to come cannot have an actual. */
function futurePeriod(period: string, today: string): boolean {
  return periodRange(period).start > today;
}

const todayText = () => new Date().toISOString().slice(0, 10);

/** Record (or re-record) the actual of a line for a period. */
export async function recordBenefitActual(
  db: Kysely<DB>,
  input: {
    odsCode: string;
    id: string;
    expectedVersion: number;
    period: string;
    value: number;
    source: string | null;
  },
  actor: Actor,
): Promise<BenefitLineRow> {
  if (futurePeriod(input.period, todayText())) {
    throw new ValidationError([{ path: ["period"], message: `${input.period} has not started yet` }]);
  }
  const framework = await currentFramework(db);
  return db.transaction().execute(async (trx) => {
    const before = await lockLine(trx, input.odsCode, input.id, input.expectedVersion);
    await upsertActual(trx, before, input.period, input.value, input.source, actor, "benefit.actual");
    await trx
      .updateTable("benefit_line")
      .set({ version: before.version + 1, updated_at: new Date(), updated_by: actor.email })
      .where("id", "=", input.id)
      .execute();
    await refreshBenefitMeasured(trx, framework, input.odsCode, before.enablingFunctionalities, actor);
    const [after] = await benefitLines(trx, input.odsCode, [input.id]);
    return after!;
  });
}

async function upsertActual(
  trx: Transaction<DB>,
  line: BenefitLineRow,
  period: string,
  value: number,
  source: string | null,
  actor: Actor,
  action: string,
) {
  const previous = line.actuals.find((a) => a.period === period) ?? null;
  const values = { value, source, recorded_at: new Date(), recorded_by: actor.email };
  await trx
    .insertInto("benefit_actual")
    .values({ benefit_id: line.id, period, ...values })
    .onConflict((oc) => oc.columns(["benefit_id", "period"]).doUpdateSet(values))
    .execute();
  await writeAudit(trx, actor, {
    action,
    entity: "benefit_line",
    entityKey: line.id,
    odsCode: line.odsCode,
    before: previous ? { period, value: previous.value, source: previous.source } : null,
    after: { period, value, source },
  });
}

/** A line with how it is doing, by the domain rules. */
export function withProgress(line: BenefitLineRow) {
  const p = benefitProgress(line);
  return {
    ...line,
    progress: p,
    expectedValueGbp:
      (line.fullYearValueGbp ?? 0) * (line.attributionPct / 100) * (line.isDisbenefit ? -1 : 1),
  };
}

/** A trust's register: lines with progress, flags, and totals with double counting removed. */
export async function benefitRegister(db: Kysely<DB>, odsCode: string, today = new Date()) {
  await requireTrust(db, odsCode);
  const [framework, lines, records] = await Promise.all([
    currentFramework(db),
    benefitLines(db, odsCode),
    db
      .selectFrom("adoption_record")
      .select(["ods_code as odsCode", "functionality_code as functionalityCode", "level"])
      .where("ods_code", "=", odsCode)
      .execute(),
  ]);
  const currentPeriod = periodOf(today, "quarter");
  const flags: BenefitFlag[] = benefitFlags({ records, lines, currentPeriod, framework });
  const expected = totalsWithoutDoubleCounting(lines, { basis: "expected" });
  const realised = totalsWithoutDoubleCounting(lines, { basis: "realised" });
  return {
    currentPeriod,
    duePeriod: previousPeriod(currentPeriod),
    lines: lines.map(withProgress),
    flags,
    totals: {
      expectedGbp: expected.totalGbp,
      realisedGbp: realised.totalGbp,
      excludedLines: expected.excludedLines,
    },
    levels: Object.fromEntries(records.map((r) => [r.functionalityCode, r.level])) as Record<string, number>,
    benefitTypes: framework.benefitTypes,
    functionalities: framework.functionalities.map((f) => ({
      code: f.code,
      name: f.name,
      shortName: f.shortName ?? null,
      tier: f.tier,
    })),
  };
}

/** One line of a trust, with progress. */
export async function benefitLine(db: Kysely<DB>, odsCode: string, id: string) {
  const [line] = await benefitLines(db, odsCode, [id]);
  if (!line) throw new NotFoundError(`Trust ${odsCode} has no benefit line ${id}`);
  return withProgress(line);
}

// ---------------------------------------------------------------------------------------------------------
// CSV: import of actuals, template, export

/** Columns of the actuals import, in template order. */
export const ACTUALS_CSV_COLUMNS = ["benefit_id", "title", "period", "value", "source"] as const;
const MAX_IMPORT_ROWS = 2000;

export interface ImportRowError {
  /** Row in the file, counting the header as row 1. */
  row: number;
  field: string;
  reason: string;
}
export interface ImportRow {
  row: number;
  benefitId: string;
  title: string;
  period: string;
  value: number;
  source: string | null;
  /** The value this replaces, when the period already has an actual. */
  replaces: number | null;
}
export interface ImportPreview {
  rows: ImportRow[];
  errors: ImportRowError[];
  /** Rows read (blank lines skipped). */
  total: number;
}

/** Read and check an actuals CSV against the trust's register; writes nothing. */
export async function previewActualsImport(
  db: Db,
  odsCode: string,
  csv: string,
  today = todayText(),
): Promise<ImportPreview> {
  await requireTrust(db, odsCode);
  const lines = new Map((await benefitLines(db, odsCode)).map((l) => [l.id, l]));
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const errors: ImportRowError[] = [];
  const fields = parsed.meta.fields ?? [];
  for (const col of ["benefit_id", "period", "value"]) {
    if (!fields.includes(col))
      errors.push({ row: 1, field: col, reason: `The header has no "${col}" column` });
  }
  if (errors.length > 0) return { rows: [], errors, total: parsed.data.length };
  if (parsed.data.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      errors: [
        {
          row: MAX_IMPORT_ROWS + 2,
          field: "(file)",
          reason: `At most ${MAX_IMPORT_ROWS} rows can be imported at once`,
        },
      ],
      total: parsed.data.length,
    };
  }
  const structural = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.row !== undefined && e.row !== null) structural.set(e.row, e.message);
  }
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((raw, index) => {
    const row = index + 2;
    const rowErrors: ImportRowError[] = [];
    const fail = (field: string, reason: string) => rowErrors.push({ row, field, reason });
    const problem = structural.get(index);
    if (problem) fail("(row)", `The row could not be read: ${problem}`);
    const benefitId = (raw.benefit_id ?? "").trim();
    const periodText = (raw.period ?? "").trim();
    const valueText = (raw.value ?? "").trim().replace(/,/g, "");
    const sourceText = (raw.source ?? "").trim();
    const line = lines.get(benefitId);
    if (benefitId === "") fail("benefit_id", "Benefit id is required");
    else if (!line) fail("benefit_id", `Trust ${odsCode} has no benefit line ${benefitId}`);
    const period = PeriodSchema.safeParse(periodText);
    if (periodText === "") fail("period", "Period is required");
    else if (!period.success) fail("period", period.error.issues[0]?.message ?? "Period is not valid");
    else if (futurePeriod(period.data, today)) fail("period", `${period.data} has not started yet`);
    const value = Number(valueText);
    if (valueText === "") fail("value", "Value is required");
    else if (!Number.isFinite(value)) fail("value", `Value must be a number, not "${raw.value}"`);
    if (sourceText.length > 500) fail("source", "Source must be at most 500 characters");
    if (period.success && benefitId !== "") {
      const key = `${benefitId}\u0000${period.data}`;
      const first = seen.get(key);
      if (first !== undefined) fail("period", `Row ${first} already gives ${period.data} for this benefit`);
      else seen.set(key, row);
    }
    if (rowErrors.length > 0 || !line || !period.success) {
      errors.push(...rowErrors);
      return;
    }
    rows.push({
      row,
      benefitId,
      title: line.title,
      period: period.data,
      value,
      source: sourceText === "" ? null : sourceText,
      replaces: line.actuals.find((a) => a.period === period.data)?.value ?? null,
    });
  });
  return { rows, errors, total: parsed.data.length };
}

/** Re-check the file and write every row, or nothing if any row is bad. */
export async function commitActualsImport(db: Kysely<DB>, odsCode: string, csv: string, actor: Actor) {
  const framework = await currentFramework(db);
  return db.transaction().execute(async (trx) => {
    // Lock the trust's lines first so the check and the write see the same register.
    await trx.selectFrom("benefit_line").select("id").where("ods_code", "=", odsCode).forUpdate().execute();
    const preview = await previewActualsImport(trx, odsCode, csv);
    if (preview.errors.length > 0) {
      throw new ValidationError(
        preview.errors.map((e) => ({ path: [`row ${e.row}`, e.field], message: e.reason })),
      );
    }
    if (preview.rows.length === 0) {
      throw new ValidationError([{ path: ["csv"], message: "The file has no rows to import" }]);
    }
    const lines = new Map((await benefitLines(trx, odsCode)).map((l) => [l.id, l]));
    const touched = new Set<string>();
    for (const r of preview.rows) {
      await upsertActual(
        trx,
        lines.get(r.benefitId)!,
        r.period,
        r.value,
        r.source,
        actor,
        "benefit.actual.import",
      );
      touched.add(r.benefitId);
    }
    const codes: string[] = [];
    for (const id of touched) {
      const line = lines.get(id)!;
      await trx
        .updateTable("benefit_line")
        .set({ version: line.version + 1, updated_at: new Date(), updated_by: actor.email })
        .where("id", "=", id)
        .execute();
      codes.push(...line.enablingFunctionalities);
    }
    await refreshBenefitMeasured(trx, framework, odsCode, codes, actor);
    return { imported: preview.rows.length, lines: touched.size };
  });
}

/** A template to fill in: one row per line being tracked, for the period actuals are due. */
export async function actualsTemplateCsv(db: Kysely<DB>, odsCode: string, today = new Date()) {
  await requireTrust(db, odsCode);
  const due = previousPeriod(periodOf(today, "quarter"));
  const lines = (await benefitLines(db, odsCode)).filter(
    (l) => l.status === "in_progress" || l.status === "planned",
  );
  return Papa.unparse(
    {
      fields: [...ACTUALS_CSV_COLUMNS],
      data: lines.map((l) => [l.id, l.title, due, "", ""]),
    },
    { escapeFormulae: true },
  );
}

/** The register as CSV, one row per line with its latest actual and progress. */
export async function benefitsCsv(db: Kysely<DB>, odsCode: string) {
  await requireTrust(db, odsCode);
  const lines = (await benefitLines(db, odsCode)).map(withProgress);
  const fields = [
    "id",
    "benefit_type",
    "title",
    "class",
    "dis_benefit",
    "owner",
    "metric",
    "unit",
    "direction",
    "baseline_value",
    "baseline_date",
    "baseline_source",
    "target_value",
    "target_date",
    "trajectory",
    "latest_period",
    "latest_actual",
    "progress_pct",
    "confidence",
    "status",
    "enabling_functionalities",
    "full_year_value_gbp",
    "attribution_pct",
    "realised_value_gbp",
    "double_count_group",
    "evidence",
  ];
  const data = lines.map((l) => [
    l.id,
    l.benefitTypeCode,
    l.title,
    l.benefitClass,
    l.isDisbenefit ? "yes" : "no",
    l.owner,
    l.metric,
    l.unit,
    l.direction,
    l.baseline.value,
    l.baseline.date,
    l.baseline.source,
    l.target.value,
    l.target.date,
    l.trajectory.map((t) => `${t.date}=${t.value}`).join("; "),
    l.progress.latestPeriod ?? "",
    l.progress.latestActual ?? "",
    l.progress.progress === null ? "" : Math.round(l.progress.progress * 1000) / 10,
    l.confidence,
    l.status,
    l.enablingFunctionalities.join("; "),
    l.fullYearValueGbp ?? "",
    l.attributionPct,
    Math.round(l.progress.realisedValueGbp),
    l.doubleCountGroup ?? "",
    l.evidence ?? "",
  ]);
  return Papa.unparse({ fields, data }, { escapeFormulae: true });
}

// ---------------------------------------------------------------------------------------------------------
// National roll-up

export interface BenefitRollUpRow {
  key: string;
  label: string;
  lines: number;
  trusts: number;
  expectedGbp: number;
  realisedGbp: number;
}

/**
 * Benefits across the nation by type, class, region, ICB and supplier, with double counting removed.
 *
 * Why: each trust's double-count groups are resolved once over all its lines, then counted lines are summed
 * into whichever grouping is asked for, so every breakdown adds up to the national total.
 */
export async function nationalBenefits(db: Kysely<DB>) {
  const [framework, lines, organisations] = await Promise.all([
    currentFramework(db),
    benefitLines(db, null),
    listOrganisations(db),
  ]);
  const orgs = new Map(organisations.map((o) => [o.odsCode, o]));
  const expected = totalsWithoutDoubleCounting(lines, { basis: "expected" });
  const realised = totalsWithoutDoubleCounting(lines, { basis: "realised" });
  const countedExpected = new Set(expected.countedLines);
  const countedRealised = new Set(realised.countedLines);
  const valued = lines.map((line) => {
    const sign = line.isDisbenefit ? -1 : 1;
    return {
      line,
      expectedGbp: countedExpected.has(line.id)
        ? sign * (line.fullYearValueGbp ?? 0) * (line.attributionPct / 100)
        : 0,
      realisedGbp: countedRealised.has(line.id) ? sign * benefitProgress(line).realisedValueGbp : 0,
    };
  });
  function rollUpBy(keyOf: (l: BenefitLineRow) => { key: string; label: string } | null): BenefitRollUpRow[] {
    const groups = new Map<string, BenefitRollUpRow & { trustSet: Set<string> }>();
    for (const v of valued) {
      const k = keyOf(v.line);
      if (!k) continue;
      const g = groups.get(k.key) ?? {
        ...k,
        lines: 0,
        trusts: 0,
        expectedGbp: 0,
        realisedGbp: 0,
        trustSet: new Set<string>(),
      };
      g.lines += 1;
      g.trustSet.add(v.line.odsCode);
      g.expectedGbp += v.expectedGbp;
      g.realisedGbp += v.realisedGbp;
      groups.set(k.key, g);
    }
    return [...groups.values()]
      .map(({ trustSet, ...g }) => ({ ...g, trusts: trustSet.size }))
      .sort((a, b) => b.expectedGbp - a.expectedGbp || a.label.localeCompare(b.label));
  }
  const typeName = new Map(framework.benefitTypes.map((b) => [b.code, b.name]));
  const byType = rollUpBy((l) => ({
    key: l.benefitTypeCode,
    label: typeName.get(l.benefitTypeCode) ?? l.benefitTypeCode,
  }));
  // Every national type is listed, tracked or not, so a type nobody tracks shows as zero.
  for (const b of framework.benefitTypes) {
    if (!byType.some((r) => r.key === b.code))
      byType.push({ key: b.code, label: b.name, lines: 0, trusts: 0, expectedGbp: 0, realisedGbp: 0 });
  }
  return {
    totals: {
      expectedGbp: expected.totalGbp,
      realisedGbp: realised.totalGbp,
      lines: lines.length,
      trustsTracking: new Set(lines.map((l) => l.odsCode)).size,
      trusts: organisations.length,
      excludedLines: expected.excludedLines.length,
    },
    byType: byType.map((r) => {
      const t = framework.benefitTypes.find((b) => b.code === r.key);
      return { ...r, benefitClass: t?.benefitClass ?? null, isDisbenefit: t?.isDisbenefit ?? false };
    }),
    byClass: rollUpBy((l) => ({ key: l.benefitClass, label: l.benefitClass })),
    byRegion: rollUpBy((l) => {
      const region = orgs.get(l.odsCode)?.region ?? null;
      return { key: region ?? "", label: region ?? "Not known" };
    }),
    byIcb: rollUpBy((l) => {
      const o = orgs.get(l.odsCode);
      return { key: o?.icbCode ?? "", label: o?.icbName ?? "Not known" };
    }),
    bySupplier: rollUpBy((l) => {
      const s = orgs.get(l.odsCode)?.eprSupplier ?? null;
      return { key: s ?? "", label: s ?? "Not recorded" };
    }),
  };
}
