import { type Kysely, sql } from "kysely";
import { ConflictError, NotFoundError, StateError } from "../errors.js";
import type { DB } from "../schema.js";
import { adoptionRecords } from "./adoption.js";
import { type Actor, writeAudit } from "./audit.js";
import { currentFrameworkVersion } from "./frameworks.js";

/** A return's life: submitted by the trust → accepted, or returned with a comment (editable again) → resubmitted. */
export type ReturnStatus = "submitted" | "accepted" | "returned" | "unlocked";

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
  return db
    .selectFrom("trust_return")
    .select([
      "ods_code as odsCode",
      "period",
      "status",
      "framework_version as frameworkVersion",
      "submitted_by as submittedBy",
      "submitted_at as submittedAt",
      "decided_by as decidedBy",
      "decided_at as decidedAt",
      "comment",
      "version",
    ]);
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
    if (!rule.from.includes(existing.status as ReturnStatus)) {
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
    .where("status", "=", filter.status ?? "submitted")
    .orderBy("submitted_at");
  if (filter.period) q = q.where("period", "=", filter.period);
  return q.execute();
}
