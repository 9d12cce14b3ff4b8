import { comparePeriods, previousPeriod } from "@realise/domain";
import { type Kysely, sql } from "kysely";
import { ConflictError, NotFoundError, StateError } from "../errors.js";
import type { DB, ReturnStatus } from "../schema.js";
import { adoptionRecords } from "../repositories/adoption-records.js";
import { type Actor, auditTrail, writeAudit } from "../repositories/audit.js";
import { currentFrameworkVersion, frameworkVersion } from "../repositories/frameworks.js";

// A return's life: submitted by the trust → accepted, or returned with a comment (editable again) → resubmitted.
export type { ReturnStatus } from "../schema.js";

export interface ReturnRow {
  odsCode: string;
  period: string;
  status: string;
  frameworkVersion: number;
  submittedBy: string | null;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
  version: number;
}

function returnSelect(db: Kysely<DB>) {
  return (
    db
      .selectFrom("trust_return")
      // Qualified, so the queue can join the organisation without ambiguous columns.
      .select([
        "trust_return.ods_code as odsCode",
        "trust_return.period",
        "trust_return.status",
        "trust_return.framework_version as frameworkVersion",
        "trust_return.submitted_by as submittedBy",
        "trust_return.submitted_at as submittedAt",
        "trust_return.decided_by as decidedBy",
        "trust_return.decided_at as decidedAt",
        "trust_return.comment",
        "trust_return.version",
      ])
  );
}

/** A trust's returns, newest period first. */
export async function returnsFor(db: Kysely<DB>, odsCode: string): Promise<ReturnRow[]> {
  return returnSelect(db).where("ods_code", "=", odsCode).orderBy("period", "desc").execute();
}

/** One return with the values it froze. */
export async function returnDetail(db: Kysely<DB>, odsCode: string, period: string) {
  const row = await db
    .selectFrom("trust_return")
    .selectAll()
    .where("ods_code", "=", odsCode)
    .where("period", "=", period)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`Trust ${odsCode} has no return for ${period}`);
  return row;
}

/** Submit a trust's return for a period: its current values are frozen into the return, which then locks editing. */
export async function submitReturn(
  db: Kysely<DB>,
  odsCode: string,
  period: string,
  actor: Actor,
): Promise<ReturnRow> {
  const frameworkVersion = await currentFrameworkVersion(db);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("trust_return")
      .select(["status", "version"])
      .where("ods_code", "=", odsCode)
      .where("period", "=", period)
      .forUpdate()
      .executeTakeFirst();
    if (existing && (existing.status === "submitted" || existing.status === "accepted")) {
      throw new StateError(`The return for ${period} is already ${existing.status}`);
    }
    const records = await adoptionRecords(trx as unknown as Kysely<DB>, odsCode);
    const payload = JSON.stringify({ records });
    if (existing) {
      await trx
        .updateTable("trust_return")
        .set({
          status: "submitted",
          payload,
          framework_version: frameworkVersion,
          submitted_by: actor.email,
          submitted_at: new Date(),
          decided_by: null,
          decided_at: null,
          version: existing.version + 1,
        })
        .where("ods_code", "=", odsCode)
        .where("period", "=", period)
        .execute();
    } else {
      await trx
        .insertInto("trust_return")
        .values({
          ods_code: odsCode,
          period,
          status: "submitted",
          framework_version: frameworkVersion,
          payload,
          submitted_by: actor.email,
        })
        .execute();
    }
    await writeAudit(trx, actor, {
      action: "return.submit",
      entity: "trust_return",
      entityKey: `${odsCode}/${period}`,
      odsCode,
      before: existing ? { status: existing.status } : null,
      after: { status: "submitted", records: records.length },
    });
    return returnSelect(trx as unknown as Kysely<DB>)
      .where("ods_code", "=", odsCode)
      .where("period", "=", period)
      .executeTakeFirstOrThrow();
  });
}

const TRANSITIONS: Record<"accept" | "sendBack" | "unlock", { from: ReturnStatus[]; to: ReturnStatus }> = {
  accept: { from: ["submitted"], to: "accepted" },
  sendBack: { from: ["submitted"], to: "returned" },
  unlock: { from: ["accepted", "submitted"], to: "unlocked" },
};

/** The national team's decision on a return; the expected version guards against two reviewers at once. */
export async function decideReturn(
  db: Kysely<DB>,
  args: {
    odsCode: string;
    period: string;
    decision: keyof typeof TRANSITIONS;
    comment: string | null;
    expectedVersion?: number;
  },
  actor: Actor,
): Promise<ReturnRow> {
  const rule = TRANSITIONS[args.decision];
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("trust_return")
      .select(["status", "version"])
      .where("ods_code", "=", args.odsCode)
      .where("period", "=", args.period)
      .forUpdate()
      .executeTakeFirst();
    if (!existing) throw new NotFoundError(`Trust ${args.odsCode} has no return for ${args.period}`);
    if (args.expectedVersion !== undefined && existing.version !== args.expectedVersion) {
      throw new ConflictError(
        `This return changed since you opened it (now version ${existing.version})`,
        existing,
      );
    }
    if (!rule.from.includes(existing.status)) {
      throw new StateError(`A return that is ${existing.status} cannot be ${rule.to}`);
    }
    await trx
      .updateTable("trust_return")
      .set({
        status: rule.to,
        decided_by: actor.email,
        decided_at: sql`now()`,
        comment: args.comment,
        version: existing.version + 1,
      })
      .where("ods_code", "=", args.odsCode)
      .where("period", "=", args.period)
      .execute();
    await writeAudit(trx, actor, {
      action: `return.${args.decision}`,
      entity: "trust_return",
      entityKey: `${args.odsCode}/${args.period}`,
      odsCode: args.odsCode,
      before: { status: existing.status },
      after: { status: rule.to, comment: args.comment },
    });
    if (rule.to === "returned") {
      // Records go back to the trust marked as returned, so staff see what to look at.
      await trx
        .updateTable("adoption_record")
        .set({ validation_state: "returned" })
        .where("ods_code", "=", args.odsCode)
        .where("validation_state", "!=", "validated")
        .execute();
    }
    if (rule.to === "accepted") {
      await trx
        .updateTable("adoption_record")
        .set({ validation_state: "validated" })
        .where("ods_code", "=", args.odsCode)
        .execute();
    }
    return returnSelect(trx as unknown as Kysely<DB>)
      .where("ods_code", "=", args.odsCode)
      .where("period", "=", args.period)
      .executeTakeFirstOrThrow();
  });
}

/** Submitted returns awaiting the national team, optionally for one period, oldest first. */
export async function returnQueue(db: Kysely<DB>, filter: { period?: string; status?: string } = {}) {
  let q = returnSelect(db)
    .innerJoin("organisation as o", "o.ods_code", "trust_return.ods_code")
    .select(["o.name", "o.trust_type as trustType", "o.region"])
    .where("trust_return.status", "=", (filter.status ?? "submitted") as ReturnStatus)
    .orderBy("trust_return.submitted_at");
  if (filter.period) q = q.where("trust_return.period", "=", filter.period);
  return q.execute();
}

/** Periods that have returns, newest first, with how many are in each state. */
export async function returnPeriods(db: Kysely<DB>) {
  const rows = await db
    .selectFrom("trust_return")
    .select([
      "period",
      sql<number>`(count(*) filter (where status = 'submitted'))::int`.as("submitted"),
      sql<number>`(count(*) filter (where status = 'accepted'))::int`.as("accepted"),
      sql<number>`(count(*) filter (where status = 'returned'))::int`.as("returned"),
      sql<number>`(count(*) filter (where status = 'unlocked'))::int`.as("unlocked"),
    ])
    .groupBy("period")
    .execute();
  return rows
    .map((r) => ({
      period: r.period,
      submitted: Number(r.submitted),
      accepted: Number(r.accepted),
      returned: Number(r.returned),
      unlocked: Number(r.unlocked),
    }))
    .sort((a, b) => comparePeriods(b.period, a.period));
}

/** What counts as a large change between periods, highlighted for the reviewer. */
export const LARGE_CHANGE = { levels: 2, coveragePoints: 25, usagePoints: 25 } as const;

interface ComparedValues {
  level: number;
  coveragePct: number | null;
  usagePct: number | null;
}

export interface ReturnComparisonRow {
  functionalityCode: string;
  name: string;
  tier: number;
  current: ComparedValues | null;
  previous: ComparedValues | null;
  levelChange: number | null;
  coverageChange: number | null;
  usageChange: number | null;
  /** Why the row is highlighted; empty when the change is small. */
  largeChanges: string[];
}

type PayloadRecord = {
  functionalityCode: string;
  level: number;
  coveragePct: number | null;
  usageNumerator: number | null;
  usageDenominator: number | null;
};

function valuesOf(r: PayloadRecord | undefined): ComparedValues | null {
  if (!r) return null;
  const usagePct =
    r.usageNumerator !== null && r.usageDenominator ? (100 * r.usageNumerator) / r.usageDenominator : null;
  return { level: r.level, coveragePct: r.coveragePct, usagePct };
}

function recordsOf(payload: unknown): PayloadRecord[] {
  const p = typeof payload === "string" ? JSON.parse(payload) : payload;
  return ((p as { records?: PayloadRecord[] })?.records ?? []) as PayloadRecord[];
}

const delta = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : a - b;

/**
 * A return's values beside the previous period's (its return if there is one, else the published snapshot),
 * with large changes flagged, and the return's audit trail.
 */
export async function compareReturn(db: Kysely<DB>, odsCode: string, period: string) {
  const current = await returnDetail(db, odsCode, period);
  const previousKey = previousPeriod(period);
  const [org, previousReturn, previousSnapshot, trail, framework] = await Promise.all([
    db
      .selectFrom("organisation")
      .select(["ods_code as odsCode", "name", "trust_type as trustType", "region"])
      .where("ods_code", "=", odsCode)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("trust_return")
      .select(["payload", "status"])
      .where("ods_code", "=", odsCode)
      .where("period", "=", previousKey)
      .executeTakeFirst(),
    db
      .selectFrom("snapshot_adoption as a")
      .innerJoin("snapshot as s", "s.period", "a.period")
      .select([
        "a.functionality_code as functionalityCode",
        "a.level",
        "a.coverage_pct as coveragePct",
        "a.usage_numerator as usageNumerator",
        "a.usage_denominator as usageDenominator",
      ])
      .where("a.period", "=", previousKey)
      .where("a.ods_code", "=", odsCode)
      .where("s.status", "=", "published")
      .execute(),
    auditTrail(db, { entity: "trust_return", entityKey: `${odsCode}/${period}` }),
    frameworkVersion(db, current.framework_version),
  ]);
  const previousRecords = previousReturn
    ? recordsOf(previousReturn.payload)
    : previousSnapshot.length > 0
      ? previousSnapshot
      : null;
  const now = new Map(recordsOf(current.payload).map((r) => [r.functionalityCode, r]));
  const before = new Map((previousRecords ?? []).map((r) => [r.functionalityCode, r]));
  const rows: ReturnComparisonRow[] = framework.functionalities
    .filter((f) => f.appliesTo.includes(org.trustType as never))
    .map((f) => {
      const cur = valuesOf(now.get(f.code)) ?? { level: 0, coveragePct: null, usagePct: null };
      const prev = previousRecords
        ? (valuesOf(before.get(f.code)) ?? { level: 0, coveragePct: null, usagePct: null })
        : null;
      const levelChange = prev ? cur.level - prev.level : null;
      const coverageChange = delta(cur.coveragePct, prev?.coveragePct);
      const usageChange = delta(cur.usagePct, prev?.usagePct);
      const largeChanges: string[] = [];
      if (levelChange !== null && Math.abs(levelChange) >= LARGE_CHANGE.levels)
        largeChanges.push(`Level ${levelChange > 0 ? "up" : "down"} ${Math.abs(levelChange)}`);
      if (coverageChange !== null && Math.abs(coverageChange) >= LARGE_CHANGE.coveragePoints)
        largeChanges.push(
          `Coverage ${coverageChange > 0 ? "up" : "down"} ${Math.round(Math.abs(coverageChange))} points`,
        );
      if (usageChange !== null && Math.abs(usageChange) >= LARGE_CHANGE.usagePoints)
        largeChanges.push(
          `Usage ${usageChange > 0 ? "up" : "down"} ${Math.round(Math.abs(usageChange))} points`,
        );
      return {
        functionalityCode: f.code,
        name: f.name,
        tier: f.tier,
        current: cur,
        previous: prev,
        levelChange,
        coverageChange,
        usageChange,
        largeChanges,
      };
    });
  return {
    organisation: org,
    return: {
      odsCode: current.ods_code,
      period: current.period,
      status: current.status,
      frameworkVersion: current.framework_version,
      submittedBy: current.submitted_by,
      submittedAt: current.submitted_at,
      decidedBy: current.decided_by,
      decidedAt: current.decided_at,
      comment: current.comment,
      version: current.version,
    },
    previousPeriod: previousKey,
    previousSource: previousReturn ? ("return" as const) : previousRecords ? ("snapshot" as const) : null,
    rows,
    largeChangeCount: rows.filter((r) => r.largeChanges.length > 0).length,
    audit: trail,
  };
}
