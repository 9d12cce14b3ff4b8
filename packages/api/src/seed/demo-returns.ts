import { createHash } from "node:crypto";
import {
  backdateTrustChanges,
  type Database,
  type DB,
  hashString,
  insertCollection,
  type HistoricReturn,
  insertHistoricReturns,
  listCollections,
  listOrganisations,
  publishSnapshotRows,
  currentFrameworkVersion,
} from "@realise/db";
import { canonicalJson, periodOf, periodRange, previousPeriod } from "@realise/domain";
import type { Kysely } from "kysely";
import { today } from "../services/clock.js";
import { copyForSubmission } from "../services/returns/submission-copy.js";
import { writeOfficialSnapshot } from "../services/snapshots/official.js";
import { DEMO_TRUSTS } from "./demo-accounts.js";

const DEMO = new Set<string>(DEMO_TRUSTS.map((t) => t.odsCode));
const DAY = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * DAY);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
/** A number in [0, 1) fixed by its key, so the demo is the same on every machine. */
const draw = (key: string) => hashString(key) / 2 ** 32;

type Copy = Awaited<ReturnType<typeof copyForSubmission>>["content"];

/** The copy a trust would have sent `quartersAgo` quarters back: a little less coverage, a level lower here and there. */
function earlier(copy: Copy, period: string, quartersAgo: number): Copy {
  const records = copy.records.map((r) => {
    const slip = draw(`${copy.odsCode}/${r.functionalityCode}/${period}`) < 0.12 * quartersAgo ? 1 : 0;
    const scale = 1 - 0.06 * quartersAgo;
    return {
      ...r,
      coveragePct: r.coveragePct === null ? null : Math.round(r.coveragePct * scale * 10) / 10,
      usageNumerator: r.usageNumerator === null ? null : Math.round(r.usageNumerator * scale),
      level: Math.max(0, r.level - slip),
      derivedLevel: Math.max(0, r.derivedLevel - slip),
    };
  });
  return { ...copy, period, records };
}

/**
 * Demo history: collections for the last four ended quarters and the current one; for each ended
 * quarter a return from most trusts (most accepted, some never sent, a few sent back and one or two
 * still awaiting review), every demo trust accepted; and official snapshots frozen from the accepted
 * returns. So the official trend, the public figures, submitting and freezing mean something on first
 * run. Skipped when any collection exists.
 */
export async function seedDemoReturns(database: Database): Promise<{ returns: number; snapshots: number }> {
  const db = database.db;
  if ((await listCollections(db)).length > 0) return { returns: 0, snapshots: 0 };
  return db.transaction().execute(async (trx) => {
    const current = periodOf(today(), "quarter");
    const ended = [1, 2, 3, 4].map((k) => ({ k, period: back(current, k) }));
    const version = await currentFrameworkVersion(trx);
    for (const period of [current, ...ended.map((e) => e.period)]) {
      const { start, end } = periodRange(period);
      await insertCollection(trx, {
        period,
        opensOn: start,
        dueOn: isoOf(addDays(end, 30)),
        frameworkVersion: version,
        openedBy: "admin@demo.realise",
      });
    }
    const trusts = await listOrganisations(trx, {});
    const returns: HistoricReturn[] = [];
    for (const trust of trusts) {
      const latest = (await copyForSubmission(trx, trust.odsCode, current, version)).content;
      for (const { k, period } of ended) {
        const status = statusFor(trust.odsCode, period, k);
        if (status) returns.push(historicReturn(period, version, status, earlier(latest, period, k)));
      }
    }
    await insertHistoricReturns(trx, returns);
    for (const { period } of [...ended].reverse()) {
      await writeOfficialSnapshot(trx, period, "admin@demo.realise");
      await publishSnapshotRows(trx, period);
    }
    // About half the other trusts have not touched their records since before this quarter opened, so
    // the national team's collection view has trusts "not started" to chase.
    const idle = trusts.map((t) => t.odsCode).filter((ods) => !DEMO.has(ods) && draw(`${ods}/idle`) < 0.5);
    await backdateTrustChanges(trx, idle, addDays(periodRange(current).start, -20));
    return { returns: returns.length, snapshots: ended.length };
  });
}

function back(period: string, quarters: number): string {
  let p = period;
  for (let i = 0; i < quarters; i++) p = previousPeriod(p);
  return p;
}

/** Most accepted; some never sent; a few sent back; the latest quarter still has a couple awaiting review. */
function statusFor(odsCode: string, period: string, quartersAgo: number) {
  if (DEMO.has(odsCode)) return "accepted" as const;
  const r = draw(`${odsCode}/${period}/status`);
  if (r < 0.08) return null;
  if (r < 0.13) return "returned" as const;
  if (quartersAgo === 1 && r < 0.16) return "submitted" as const;
  return "accepted" as const;
}

function historicReturn(
  period: string,
  version: number,
  status: "accepted" | "returned" | "submitted",
  content: Copy,
): HistoricReturn {
  const { end } = periodRange(period);
  const submittedAt = addDays(end, 10 + Math.floor(draw(`${content.odsCode}/${period}/day`) * 15));
  const decided = status === "submitted" ? null : new Date(submittedAt.getTime() + 5 * DAY);
  const contentJson = canonicalJson(content);
  return {
    odsCode: content.odsCode,
    period,
    status,
    frameworkVersion: version,
    contentJson,
    digest: createHash("sha256").update(contentJson).digest("hex"),
    submittedBy: DEMO.has(content.odsCode) ? `approver.${content.odsCode.toLowerCase()}@demo.realise` : null,
    submittedAt,
    decidedBy: decided ? "admin@demo.realise" : null,
    decidedAt: decided,
    comment:
      status === "returned"
        ? "Please attach evidence for the records claimed above their measures, then resubmit."
        : null,
  };
}
