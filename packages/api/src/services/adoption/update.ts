import {
  adoptionRecord,
  currentFramework,
  type DB,
  lockAdoptionRecord,
  organisationType,
  saveAdoptionRecord,
  writeAudit,
} from "@realise/db";
import {
  AppError,
  assertAppliesTo,
  assertEditedVersion,
  checkClaim,
  editedFunctionality,
  type Principal,
  scoreAdoptionEdit,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { AdoptionUpdateInput } from "../../contracts/adoption.js";
import { trustWrite } from "../guards/trust-write.js";
import { frameworkInForce } from "./framework-in-force.js";
import { refreshOrganisationTier } from "./refresh-tier.js";

/** Where an edit came from when it was not typed in: a trust's own system (a FHIR MeasureReport). */
export interface UpdateSource {
  /** Records the edit's provenance inside its transaction and returns it for the audit row. */
  provenance?: (trx: Kysely<DB>) => Promise<Record<string, unknown>>;
}

/**
 * Write one functionality's measures: lock the record, derive the level under the framework in force,
 * refuse a stale version with what changed, and write the record, its audit row and the trust's tier in
 * one transaction.
 */
export async function updateAdoption(
  db: Kysely<DB>,
  input: AdoptionUpdateInput,
  actor: Principal,
  source: UpdateSource = {},
) {
  const known = await currentFramework(db);
  const key = { odsCode: input.odsCode, functionalityCode: input.functionalityCode };
  return trustWrite(db, key.odsCode, async (trx) => {
    // Concurrent writers of the record queue here, so the version check below is exact.
    const before = await lockAdoptionRecord(trx, key.odsCode, key.functionalityCode);
    const framework = await frameworkInForce(trx, known);
    const functionality = editedFunctionality(framework, key.functionalityCode);
    const claim = checkClaim(functionality, input.values);
    if (claim.issues.length > 0) {
      throw AppError.invalid(claim.issues.map((i) => ({ path: ["values", ...i.path], message: i.message })));
    }
    const org = await organisationType(trx, key.odsCode);
    assertAppliesTo(functionality, org.trust_type);
    assertEditedVersion(before, input.expectedVersion, input.values);

    const outcome = scoreAdoptionEdit(functionality, input.values, before?.benefitMeasured ?? false, {
      reportedBySystem: source.provenance !== undefined,
      stored: before,
    });
    await saveAdoptionRecord(
      trx,
      key,
      {
        input: input.values,
        derivedLevel: outcome.derived.level,
        level: outcome.level,
        rule: outcome.derived.rule,
        validationState: outcome.validationState,
        version: (before?.version ?? 0) + 1,
        updatedBy: actor.email,
      },
      before !== undefined,
    );
    const after = await adoptionRecord(trx, key.odsCode, key.functionalityCode);
    const provenance = source.provenance ? await source.provenance(trx) : undefined;
    await writeAudit(trx, actor, {
      action: before ? "adoption.update" : "adoption.create",
      entity: "adoption_record",
      entityKey: `${key.odsCode}/${key.functionalityCode}`,
      odsCode: key.odsCode,
      before: before ?? null,
      after: provenance === undefined ? after : { ...after, provenance },
    });
    const assessment = await refreshOrganisationTier(trx, framework, key.odsCode, org.trust_type);
    return { record: after, attainedTier: assessment.attainedTier, derived: outcome.derived };
  });
}
