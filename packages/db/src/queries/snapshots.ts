import { periodRange } from "@realise/domain";
import { type Kysely, sql } from "kysely";
import { NotFoundError, StateError } from "../errors.js";
import type { DB } from "../schema.js";
import { type Actor, writeAudit } from "../repositories/audit.js";
import { currentFramework, currentFrameworkVersion } from "../repositories/frameworks.js";
import { EPR_STATUSES } from "./national.js";

export interface SnapshotRow {
  period: string;
  status: string;
  frameworkVersion: number;
  frozenAt: Date;
  frozenBy: string | null;
  publishedAt: Date | null;
  trusts: number;
}

/** The figures a snapshot holds, or would hold if frozen now. */
export interface SnapshotFigures {
  period: string;
  /** `live`: computed from today's data (a preview); otherwise the stored snapshot's status. */
  status: "live" | "preview" | "published";
  frameworkVersion: number;
  frozenAt: Date | null;
  frozenBy: string | null;
  trusts: number;
  adoptionRecords: number;
  validatedRecords: number;
  tierCounts: number[];
  eprStatus: { status: string; count: number }[];
  byTrustType: { trustType: string; trusts: number; tierCounts: number[] }[];
  /** Returns for the period by state, so the team sees how much is validated before freezing. */
  returns: { status: string; count: number }[];
}

const today = () => new Date().toISOString().slice(0, 10);

/** ICB membership is frozen as at the period's last day, or today for a period still running. */
function membershipDate(period: string) {
  const end = periodRange(period).end;
  return end < today() ? end : today();
}

/** Every snapshot, newest first. */
export async function listSnapshots(db: Kysely<DB>): Promise<SnapshotRow[]> {
  const rows = await db
    .selectFrom("snapshot as s")
    .leftJoin("snapshot_organisation as so", "so.period", "s.period")
    .select([
      "s.period",
      "s.status",
      "s.framework_version as frameworkVersion",
      "s.frozen_at as frozenAt",
      "s.frozen_by as frozenBy",
      "s.published_at as publishedAt",
      sql<number>`count(so.ods_code)::int`.as("trusts"),
    ])
    .groupBy("s.period")
    .orderBy("s.frozen_at", "desc")
    .execute();
  return rows.map((r) => ({ ...r, trusts: Number(r.trusts) }));
}

async function returnCounts(db: Kysely<DB>, period: string) {
  const rows = await db
    .selectFrom("trust_return")
    .select(["status", sql<number>`count(*)::int`.as("count")])
    .where("period", "=", period)
    .groupBy("status")
    .orderBy("status")
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
}

function tierColumns(tiers: number, column: string) {
  return Array.from({ length: tiers + 1 }, (_, n) =>
    sql<number>`(count(*) filter (where coalesce(${sql.ref(column)}, 0) = ${sql.lit(n)}))::int`.as(`t${n}`),
  );
}
const tierCounts = (row: object, tiers: number) =>
  Array.from({ length: tiers + 1 }, (_, n) => Number((row as Record<string, unknown>)[`t${n}`] ?? 0));

/** What freezing the period now would store: computed from the live tables, nothing written. */
export async function previewSnapshot(db: Kysely<DB>, period: string): Promise<SnapshotFigures> {
  const framework = await currentFramework(db);
  const tiers = framework.tiers.length;
  const [totals, epr, byType, records, returns] = await Promise.all([
    db
      .selectFrom("organisation as o")
      .leftJoin("organisation_tier as t", "t.ods_code", "o.ods_code")
      .select([sql<number>`count(*)::int`.as("trusts"), ...tierColumns(tiers, "t.attained_tier")])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("organisation")
      .select(["epr_status as status", sql<number>`count(*)::int`.as("count")])
      .groupBy("epr_status")
      .execute(),
    db
      .selectFrom("organisation as o")
      .leftJoin("organisation_tier as t", "t.ods_code", "o.ods_code")
      .select([
        "o.trust_type as trustType",
        sql<number>`count(*)::int`.as("trusts"),
        ...tierColumns(tiers, "t.attained_tier"),
      ])
      .groupBy("o.trust_type")
      .orderBy("o.trust_type")
      .execute(),
    db
      .selectFrom("adoption_record")
      .select([
        sql<number>`count(*)::int`.as("records"),
        sql<number>`(count(*) filter (where validation_state = 'validated'))::int`.as("validated"),
      ])
      .executeTakeFirstOrThrow(),
    returnCounts(db, period),
  ]);
  const eprCount = new Map(epr.map((r) => [r.status, Number(r.count)]));
  return {
    period,
    status: "live",
    frameworkVersion: framework.version,
    frozenAt: null,
    frozenBy: null,
    trusts: Number(totals.trusts),
    adoptionRecords: Number(records.records),
    validatedRecords: Number(records.validated),
    tierCounts: tierCounts(totals, tiers),
    eprStatus: EPR_STATUSES.map((status) => ({ status, count: eprCount.get(status) ?? 0 })),
    byTrustType: byType.map((r) => ({
      trustType: r.trustType,
      trusts: Number(r.trusts),
      tierCounts: tierCounts(r, tiers),
    })),
    returns,
  };
}

async function snapshotHeader(db: Kysely<DB>, period: string) {
  return db
    .selectFrom("snapshot")
    .select([
      "period",
      "status",
      "framework_version as frameworkVersion",
      "frozen_at as frozenAt",
      "frozen_by as frozenBy",
      "published_at as publishedAt",
    ])
    .where("period", "=", period)
    .executeTakeFirst();
}

/** The figures a frozen snapshot holds. */
export async function snapshotFigures(db: Kysely<DB>, period: string): Promise<SnapshotFigures> {
  const header = await snapshotHeader(db, period);
  if (!header) throw new NotFoundError(`No snapshot has been frozen for ${period}`);
  const framework = await currentFramework(db);
  const tiers = framework.tiers.length;
  const [totals, epr, byType, records, returns] = await Promise.all([
    db
      .selectFrom("snapshot_organisation")
      .select([sql<number>`count(*)::int`.as("trusts"), ...tierColumns(tiers, "attained_tier")])
      .where("period", "=", period)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("snapshot_organisation")
      .select(["epr_status as status", sql<number>`count(*)::int`.as("count")])
      .where("period", "=", period)
      .groupBy("epr_status")
      .execute(),
    db
      .selectFrom("snapshot_organisation")
      .select([
        "trust_type as trustType",
        sql<number>`count(*)::int`.as("trusts"),
        ...tierColumns(tiers, "attained_tier"),
      ])
      .where("period", "=", period)
      .groupBy("trust_type")
      .orderBy("trust_type")
      .execute(),
    db
      .selectFrom("snapshot_adoption")
      .select([
        sql<number>`count(*)::int`.as("records"),
        sql<number>`(count(*) filter (where validation_state = 'validated'))::int`.as("validated"),
      ])
      .where("period", "=", period)
      .executeTakeFirstOrThrow(),
    returnCounts(db, period),
  ]);
  const eprCount = new Map(epr.map((r) => [r.status, Number(r.count)]));
  return {
    period,
    status: header.status,
    frameworkVersion: header.frameworkVersion,
    frozenAt: header.frozenAt,
    frozenBy: header.frozenBy,
    trusts: Number(totals.trusts),
    adoptionRecords: Number(records.records),
    validatedRecords: Number(records.validated),
    tierCounts: tierCounts(totals, tiers),
    eprStatus: EPR_STATUSES.map((status) => ({ status, count: eprCount.get(status) ?? 0 })),
    byTrustType: byType.map((r) => ({
      trustType: r.trustType,
      trusts: Number(r.trusts),
      tierCounts: tierCounts(r, tiers),
    })),
    returns,
  };
}

/**
 * Freeze a period: copy every trust's registry facts, tier and adoption levels into the snapshot tables
 * and publish it, with its audit row, in one transaction. A published period is never frozen again
 * (the database refuses changes to it too), so the official figures cannot move.
 */
export async function freezeSnapshot(db: Kysely<DB>, period: string, actor: Actor): Promise<SnapshotRow> {
  const frameworkVersion = await currentFrameworkVersion(db);
  const asOf = membershipDate(period);
  await db.transaction().execute(async (trx) => {
    // Serialise concurrent freezes of any period: the second waits, then finds the first's row.
    await sql`lock table snapshot in share row exclusive mode`.execute(trx);
    const existing = await trx
      .selectFrom("snapshot")
      .select("status")
      .where("period", "=", period)
      .executeTakeFirst();
    if (existing?.status === "published") {
      throw new StateError(`The snapshot for ${period} is already published and cannot be frozen again`);
    }
    if (existing) await trx.deleteFrom("snapshot").where("period", "=", period).execute();
    await trx
      .insertInto("snapshot")
      .values({ period, status: "preview", framework_version: frameworkVersion, frozen_by: actor.email })
      .execute();
    await sql`
      insert into snapshot_organisation
        (period, ods_code, trust_type, region, icb_code, epr_status, epr_supplier, attained_tier, progress_to_next)
      select ${period}, o.ods_code, o.trust_type, o.region, m.icb_code, o.epr_status, o.epr_supplier,
             coalesce(t.attained_tier, 0), coalesce(t.progress_to_next, 0)
      from organisation o
      left join organisation_icb m on m.ods_code = o.ods_code and m.valid_from <= ${asOf}::date
        and (m.valid_to is null or m.valid_to >= ${asOf}::date)
      left join organisation_tier t on t.ods_code = o.ods_code`.execute(trx);
    await sql`
      insert into snapshot_adoption
        (period, ods_code, functionality_code, level, coverage_pct, usage_numerator, usage_denominator, validation_state)
      select ${period}, ods_code, functionality_code, level, coverage_pct, usage_numerator, usage_denominator,
             validation_state
      from adoption_record`.execute(trx);
    await trx
      .updateTable("snapshot")
      .set({ status: "published", published_at: sql`now()` })
      .where("period", "=", period)
      .execute();
    const counts = await trx
      .selectFrom("snapshot_organisation")
      .select(sql<number>`count(*)::int`.as("trusts"))
      .where("period", "=", period)
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: "snapshot.freeze",
      entity: "snapshot",
      entityKey: period,
      before: existing ? { status: existing.status } : null,
      after: { status: "published", frameworkVersion, trusts: Number(counts.trusts), icbAsOf: asOf },
    });
  });
  const row = (await listSnapshots(db)).find((s) => s.period === period);
  if (!row) throw new NotFoundError(`No snapshot for ${period}`);
  return row;
}

/** A published snapshot's header, or undefined: open data serves nothing else. */
export async function publishedSnapshot(db: Kysely<DB>, period: string) {
  const header = await snapshotHeader(db, period);
  return header?.status === "published" ? header : undefined;
}

export interface OpenAdoptionRow {
  period: string;
  frameworkVersion: number;
  odsCode: string;
  functionalityCode: string;
  level: number;
  coveragePct: number | null;
  usageNumerator: number | null;
  usageDenominator: number | null;
  validationState: string;
}

/** A published snapshot's adoption levels, one row per trust and functionality, keyed on ODS code. */
export async function snapshotAdoptionRows(
  db: Kysely<DB>,
  period: string,
  filter: { odsCode?: string | undefined; functionalityCode?: string | undefined } = {},
): Promise<OpenAdoptionRow[]> {
  let q = db
    .selectFrom("snapshot_adoption as a")
    .innerJoin("snapshot as s", "s.period", "a.period")
    .select([
      "a.period",
      "s.framework_version as frameworkVersion",
      "a.ods_code as odsCode",
      "a.functionality_code as functionalityCode",
      "a.level",
      "a.coverage_pct as coveragePct",
      "a.usage_numerator as usageNumerator",
      "a.usage_denominator as usageDenominator",
      "a.validation_state as validationState",
    ])
    .where("a.period", "=", period)
    .where("s.status", "=", "published")
    .orderBy("a.ods_code")
    .orderBy("a.functionality_code");
  if (filter.odsCode) q = q.where("a.ods_code", "=", filter.odsCode);
  if (filter.functionalityCode) q = q.where("a.functionality_code", "=", filter.functionalityCode);
  return q.execute();
}

export interface OpenGroupRow {
  period: string;
  frameworkVersion: number;
  group: string | null;
  trusts: number;
  /** True when the group has fewer trusts than the threshold: its breakdown is withheld. */
  suppressed: boolean;
  eprLive: number | null;
  tierCounts: number[] | null;
}

const GROUP_COLUMNS = {
  region: "region",
  icb: "icb_code",
  trustType: "trust_type",
  supplier: "epr_supplier",
} as const;

/**
 * A published snapshot counted by group, with small-number suppression: a group of fewer than
 * `suppressBelow` trusts shows only how many trusts it has.
 */
export async function snapshotGroups(
  db: Kysely<DB>,
  period: string,
  dimension: keyof typeof GROUP_COLUMNS,
  suppressBelow: number,
): Promise<OpenGroupRow[]> {
  const framework = await currentFramework(db);
  const tiers = framework.tiers.length;
  const column = `so.${GROUP_COLUMNS[dimension]}` as const;
  const rows = await db
    .selectFrom("snapshot_organisation as so")
    .innerJoin("snapshot as s", "s.period", "so.period")
    .select([
      sql<string | null>`${sql.ref(column)}`.as("group"),
      sql<number>`max(s.framework_version)`.as("frameworkVersion"),
      sql<number>`count(*)::int`.as("trusts"),
      sql<number>`(count(*) filter (where so.epr_status = 'live'))::int`.as("eprLive"),
      ...tierColumns(tiers, "so.attained_tier"),
    ])
    .where("so.period", "=", period)
    .where("s.status", "=", "published")
    .groupBy(sql.ref(column))
    .orderBy(sql.ref(column))
    .execute();
  return rows.map((r) => {
    const trusts = Number(r.trusts);
    const suppressed = trusts < suppressBelow;
    return {
      period,
      frameworkVersion: Number(r.frameworkVersion),
      group: r.group,
      trusts,
      suppressed,
      eprLive: suppressed ? null : Number(r.eprLive),
      tierCounts: suppressed ? null : tierCounts(r, tiers),
    };
  });
}
