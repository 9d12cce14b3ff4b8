import {
  allAdoptionRecords,
  appendAuditRows,
  type DB,
  replaceAllAdoptionRecords,
  type StoredAdoptionRecord,
} from "@realise/db";
import {
  type Crosswalk,
  carriedChanges,
  carryForward,
  type Framework,
  type Principal,
  rederiveLevel,
  type ValidationState,
} from "@realise/domain";
import type { Kysely } from "kysely";

export interface CarryOutcome {
  carried: number;
  /** Carried records that took a new code or level. */
  changed: number;
  notCarried: Array<{ odsCode: string; functionalityCode: string; reason: string }>;
}

/**
 * Carry every adoption record into the published version through its crosswalk, with its level derived
 * again under the new thresholds, and audit each record that moved or changed level and each one left
 * behind. Runs inside the publish transaction, after adoption writes have been locked out.
 */
export async function carryRecordsForward(
  trx: Kysely<DB>,
  crosswalk: Crosswalk,
  published: Framework,
  actor: Principal,
): Promise<CarryOutcome> {
  const sources = (await allAdoptionRecords(trx)).map((r) => ({
    odsCode: r.ods_code,
    functionalityCode: r.functionality_code,
    level: r.level,
    row: r,
  }));
  const { carried, notCarried } = carryForward(crosswalk, sources);
  const fns = new Map(published.functionalities.map((f) => [f.code, f]));
  const rows = carried.map((c) => {
    const r: StoredAdoptionRecord = c.row;
    const d = rederiveLevel(fns, {
      functionalityCode: c.functionalityCode,
      coveragePct: r.coverage_pct,
      usageNumerator: r.usage_numerator,
      usageDenominator: r.usage_denominator,
      paperRetired: r.paper_retired,
      benefitMeasured: r.benefit_measured,
      plannedGoLive: r.planned_go_live,
      claimedLevel: r.claimed_level,
      validationState: r.validation_state as ValidationState,
    });
    return {
      changed: carriedChanges(c, r.level, d?.level ?? r.level),
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
  await replaceAllAdoptionRecords(
    trx,
    rows.map((r) => r.values),
  );

  const audit = [
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
          frameworkVersion: published.version,
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
  await appendAuditRows(trx, audit);

  return {
    carried: rows.length,
    changed: rows.filter((r) => r.changed).length,
    notCarried: notCarried.map((n) => ({
      odsCode: n.record.odsCode,
      functionalityCode: n.functionalityCode,
      reason: n.reason,
    })),
  };
}
