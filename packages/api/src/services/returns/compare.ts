import {
  auditTrail,
  type DB,
  frameworkVersion,
  payloadRecords,
  publishedSnapshotRecords,
  returnTrust,
  returnWithPayload,
} from "@realise/db";
import { compareReturnRecords, previousPeriod, previousRecords } from "@realise/domain";
import type { Kysely } from "kysely";
import { returnDetail } from "./detail.js";

/**
 * A return's values beside the previous period's (its return if there is one, else the published
 * snapshot), with large changes flagged, and the return's audit trail.
 */
export async function compareReturn(db: Kysely<DB>, input: { odsCode: string; period: string }) {
  const { odsCode, period } = input;
  const current = await returnDetail(db, input);
  const previousKey = previousPeriod(period);
  const [organisation, previousReturn, previousSnapshot, audit, framework] = await Promise.all([
    returnTrust(db, odsCode),
    returnWithPayload(db, odsCode, previousKey),
    publishedSnapshotRecords(db, odsCode, previousKey),
    auditTrail(db, { entity: "trust_return", entityKey: `${odsCode}/${period}` }),
    frameworkVersion(db, current.framework_version),
  ]);
  const previous = previousRecords(
    previousReturn ? payloadRecords(previousReturn.payload) : undefined,
    previousSnapshot,
  );
  const rows = compareReturnRecords(
    framework.functionalities,
    organisation.trustType,
    payloadRecords(current.payload),
    previous.records,
  );
  return {
    organisation,
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
    previousSource: previous.source,
    rows,
    largeChangeCount: rows.filter((r) => r.largeChanges.length > 0).length,
    audit,
  };
}
