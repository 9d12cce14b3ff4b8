import {
  currentFramework,
  type DB,
  editedRecord,
  lockTrustRecords,
  saveAdoptionEdit,
  toAssessable,
} from "@realise/db";
import {
  AppError,
  assertAppliesTo,
  assessTrust,
  assertEditedVersion,
  checkClaim,
  editedFunctionality,
  type Principal,
  scoreAdoptionEdit,
  type TrustType,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { AdoptionUpdateInput } from "../../contracts/adoption.js";
import { trustWrite } from "../guards/trust-write.js";

/** Where an edit came from when it was not typed in: a trust's own system (a FHIR MeasureReport). */
export interface UpdateSource {
  /** Records the edit's provenance inside its transaction and returns it for the audit row. */
  provenance?: (trx: Kysely<DB>) => Promise<Record<string, unknown>>;
}

/**
 * Write one functionality's measures: lock the trust's records, derive the level under the framework in
 * force, refuse a stale version with what changed, and write the record, its audit row and the trust's
 * tier in one transaction.
 *
 * Round trips matter here (issue 18): every audited write in the country queues on the audit chain's head
 * from its audit row to its commit, so the write reads what it needs first (the trust, its open return, its
 * records, the framework in force), decides in memory, and writes record, tier and audit row in one
 * statement straight before the commit.
 */
export async function updateAdoption(
  db: Kysely<DB>,
  input: AdoptionUpdateInput,
  actor: Principal,
  source: UpdateSource = {},
) {
  const key = { odsCode: input.odsCode, functionalityCode: input.functionalityCode };
  return trustWrite(db, key.odsCode, async (trx, trust) => {
    // Every record of the trust, locked: concurrent writers of the trust queue here, so the version check
    // below is exact and the tier is assessed on the records as they will commit.
    const records = await lockTrustRecords(trx, key.odsCode);
    const before = records.find((r) => r.functionalityCode === key.functionalityCode);
    // Read after the lock: a write that queued behind a publish scores under the version it put in force.
    const framework = await currentFramework(trx);
    const functionality = editedFunctionality(framework, key.functionalityCode);
    const claim = checkClaim(functionality, input.values);
    if (claim.issues.length > 0) {
      throw AppError.invalid(claim.issues.map((i) => ({ path: ["values", ...i.path], message: i.message })));
    }
    assertAppliesTo(functionality, trust.trustType);
    assertEditedVersion(before, input.expectedVersion, input.values);

    const outcome = scoreAdoptionEdit(functionality, input.values, before?.benefitMeasured ?? false, {
      reportedBySystem: source.provenance !== undefined,
      stored: before,
    });
    const values = {
      input: input.values,
      derivedLevel: outcome.derived.level,
      level: outcome.level,
      rule: outcome.derived.rule,
      validationState: outcome.validationState,
      version: (before?.version ?? 0) + 1,
      updatedBy: actor.email,
    };
    const at = new Date();
    const after = editedRecord(key, values, before, at);
    const assessment = assessTrust(
      framework,
      { odsCode: key.odsCode, trustType: trust.trustType as TrustType },
      toAssessable([...records.filter((r) => r !== before), after]),
    );
    const provenance = source.provenance ? await source.provenance(trx) : undefined;
    await saveAdoptionEdit(trx, {
      key,
      values,
      exists: before !== undefined,
      at,
      tier: {
        frameworkVersion: framework.version,
        attainedTier: assessment.attainedTier,
        progressToNext: assessment.progressToNext,
      },
      actor,
      audit: {
        action: before ? "adoption.update" : "adoption.create",
        entity: "adoption_record",
        entityKey: `${key.odsCode}/${key.functionalityCode}`,
        odsCode: key.odsCode,
        before: before ?? null,
        after: provenance === undefined ? after : { ...after, provenance },
      },
    });
    return { record: after, attainedTier: assessment.attainedTier, derived: outcome.derived };
  });
}
