import {
  type AssignmentRow,
  assignments,
  currentFramework,
  type DB,
  handoffs,
  recordChanges,
  workSubject,
} from "@realise/db";
import { type Framework, periodOf, periodRange, WHOLE_TRUST } from "@realise/domain";
import type { Kysely } from "kysely";
import { today } from "../clock.js";
import { subjectPath } from "./subjects.js";

/** One assignment in words, with whether it has been reviewed (changed or confirmed) this period. */
async function describe(
  trx: Kysely<DB>,
  rows: AssignmentRow[],
  odsCode: string,
  framework: Framework,
  period: string,
) {
  const start = new Date(`${periodRange(period).start}T00:00:00Z`);
  const changes = await recordChanges(trx, odsCode);
  const marked = new Set((await handoffs(trx, odsCode, period)).map((h) => h.tier));
  const since = (d: Date | undefined) => d !== undefined && d.getTime() >= start.getTime();
  return Promise.all(
    rows.map(async (a) => {
      let what = a.key;
      let reviewed = false;
      if (a.kind === "functionality") {
        const f = framework.functionalities.find((x) => x.code === a.key);
        what = f ? `${f.shortName ?? f.name} (${a.key})` : a.key;
        reviewed = since(changes.get(a.key));
      } else if (a.kind === "tier") {
        const tier = Number(a.key);
        what = `Tier ${a.key}: ${framework.tiers.find((t) => t.number === tier)?.name ?? ""}`;
        const codes = framework.functionalities.filter((f) => f.tier === tier && changes.has(f.code));
        reviewed =
          marked.has(tier) ||
          marked.has(WHOLE_TRUST) ||
          (codes.length > 0 && codes.every((f) => since(changes.get(f.code))));
      } else {
        const found = await workSubject(trx, odsCode, a.kind, a.key);
        what = found?.label ?? "(removed)";
        reviewed = since(found?.updatedAt);
      }
      return {
        kind: a.kind,
        key: a.key,
        what,
        path: subjectPath(odsCode, a.kind, a.key),
        assigneeUserId: a.assigneeUserId,
        assigneeName: a.assigneeName,
        assignedBy: a.assignedBy,
        assignedAt: a.assignedAt,
        reviewed,
      };
    }),
  );
}

/** "My work": what is assigned to the caller, and whether each is reviewed for this quarter. */
export async function myWork(db: Kysely<DB>, actor: { userId: string; odsCode: string | null }) {
  const period = periodOf(today(), "quarter");
  if (!actor.odsCode) return { period, odsCode: null, items: [] };
  const odsCode = actor.odsCode;
  return db.transaction().execute(async (trx) => {
    const rows = await assignments(trx, { odsCode, assigneeUserId: actor.userId });
    const items = await describe(trx, rows, odsCode, await currentFramework(trx), period);
    return { period, odsCode, items };
  });
}

/** Everything assigned in a trust, to whom, and whether it is reviewed this quarter. */
export async function trustAssignments(db: Kysely<DB>, input: { odsCode: string }) {
  const period = periodOf(today(), "quarter");
  return db.transaction().execute(async (trx) => {
    const rows = await assignments(trx, { odsCode: input.odsCode });
    const items = await describe(trx, rows, input.odsCode, await currentFramework(trx), period);
    return { period, odsCode: input.odsCode, items };
  });
}
