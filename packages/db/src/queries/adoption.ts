import {
  type AdoptionInput,
  assessTrust,
  checkClaim,
  deriveAdoptionLevel,
  effectiveLevel,
  type Framework,
  periodOf,
  type TrustType,
} from "@realise/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import { ConflictError, NotFoundError, StateError, ValidationError } from "../errors.js";
import type { DB } from "../schema.js";
import { type Actor, writeAudit } from "../repositories/audit.js";
import {
  type AdoptionRow,
  organisationType,
  selectAdoption as adoptionSelect,
  toAssessable,
} from "../repositories/adoption-records.js";
import { currentFramework } from "../repositories/frameworks.js";

/**
 * Recompute a trust's tier from its records and store it, inside the caller's transaction: the national
 * views read this row, so they are never behind the records.
 */
export async function refreshOrganisationTier(
  trx: Transaction<DB> | Kysely<DB>,
  framework: Framework,
  odsCode: string,
  /** The trust's type when the caller has already read it, saving a lookup inside the write. */
  knownTrustType?: string,
) {
  const trustType = knownTrustType ?? (await organisationType(trx, odsCode)).trust_type;
  const rows = await adoptionSelect(trx).where("ods_code", "=", odsCode).execute();
  const assessment = assessTrust(
    framework,
    { odsCode, trustType: trustType as TrustType },
    toAssessable(rows),
  );
  await trx
    .insertInto("organisation_tier")
    .values({
      ods_code: odsCode,
      framework_version: framework.version,
      attained_tier: assessment.attainedTier,
      progress_to_next: assessment.progressToNext,
      updated_at: new Date(),
    })
    .onConflict((oc) =>
      oc.column("ods_code").doUpdateSet({
        framework_version: framework.version,
        attained_tier: assessment.attainedTier,
        progress_to_next: assessment.progressToNext,
        updated_at: new Date(),
      }),
    )
    .execute();
  return assessment;
}

/** Whether the trust's return locks its records now: one awaiting validation, or this quarter's accepted. */
export async function lockingReturn(
  db: Kysely<DB> | Transaction<DB>,
  odsCode: string,
  today = new Date(),
): Promise<{ period: string; status: string } | undefined> {
  const period = periodOf(today, "quarter");
  return db
    .selectFrom("trust_return")
    .select(["period", "status"])
    .where("ods_code", "=", odsCode)
    .where((eb) =>
      eb.or([
        eb("status", "=", "submitted"),
        eb.and([eb("period", "=", period), eb("status", "=", "accepted")]),
      ]),
    )
    .executeTakeFirst();
}

export interface AdoptionUpdate {
  odsCode: string;
  functionalityCode: string;
  input: AdoptionInput;
  /** The version the editor read; 0 for a functionality with no record yet. */
  expectedVersion: number;
}

const COMPARED: (keyof AdoptionRow)[] = [
  "coveragePct",
  "usageNumerator",
  "usageDenominator",
  "measurementWindowStart",
  "measurementWindowEnd",
  "paperRetired",
  "plannedGoLive",
  "claimedLevel",
  "claimReason",
  "evidence",
  "notes",
];

/**
 * Write one functionality's measures: derive the level by the domain rules, refuse a stale version with
 * what changed, and write the record, its audit row and the trust's tier in one transaction.
 */
export async function updateAdoption(db: Kysely<DB>, update: AdoptionUpdate, actor: Actor) {
  const framework = await currentFramework(db);
  const functionality = framework.functionalities.find((f) => f.code === update.functionalityCode);
  if (!functionality) {
    throw new NotFoundError(
      `No functionality has the code ${update.functionalityCode} in framework version ${framework.version}`,
    );
  }
  const claim = checkClaim(functionality, update.input);
  if (claim.issues.length > 0) {
    throw new ValidationError(claim.issues.map((i) => ({ path: ["values", ...i.path], message: i.message })));
  }

  return db.transaction().execute(async (trx) => {
    const org = await organisationType(trx, update.odsCode);
    if (!functionality.appliesTo.includes(org.trust_type)) {
      throw new StateError(
        `${functionality.name} does not apply to ${org.trust_type.replace("_", " ")} trusts`,
      );
    }
    const locked = await lockingReturn(trx, update.odsCode);
    if (locked) {
      throw new StateError(
        `The return for ${locked.period} is ${locked.status}; records are locked until the national team returns or unlocks it`,
      );
    }
    // Lock the row so concurrent writers queue here and the version check is exact.
    const before = await adoptionSelect(trx)
      .where("ods_code", "=", update.odsCode)
      .where("functionality_code", "=", update.functionalityCode)
      .forUpdate()
      .executeTakeFirst();
    const currentVersion = before?.version ?? 0;
    if (currentVersion !== update.expectedVersion) {
      const changed = before
        ? COMPARED.filter(
            (k) => JSON.stringify(before[k]) !== JSON.stringify((update.input as Record<string, unknown>)[k]),
          )
        : [];
      throw new ConflictError(
        `Someone else changed this record (now version ${currentVersion}, you edited version ${update.expectedVersion}); review their change and try again`,
        before ?? null,
        changed,
      );
    }
    const input = update.input;
    const benefitMeasured = before?.benefitMeasured ?? false;
    const derived = deriveAdoptionLevel(functionality, {
      coveragePct: input.coveragePct,
      usageNumerator: input.usageNumerator,
      usageDenominator: input.usageDenominator,
      paperRetired: input.paperRetired,
      benefitMeasured,
      plannedGoLive: input.plannedGoLive,
    });
    const values = {
      coverage_pct: input.coveragePct,
      usage_numerator: input.usageNumerator,
      usage_denominator: input.usageDenominator,
      window_start: input.measurementWindowStart,
      window_end: input.measurementWindowEnd,
      paper_retired: input.paperRetired,
      planned_go_live: input.plannedGoLive,
      claimed_level: input.claimedLevel,
      claim_reason: input.claimReason,
      evidence: JSON.stringify(input.evidence),
      notes: input.notes,
      derived_level: derived.level,
      // A claim above the measures is recorded and flagged, never counted; a lower claim counts.
      level: effectiveLevel(derived.level, input.claimedLevel),
      rule: derived.rule,
      validation_state:
        input.evidence.length > 0 ? ("evidence_attached" as const) : ("self_assessed" as const),
      version: currentVersion + 1,
      updated_at: new Date(),
      updated_by: actor.email,
    };
    if (before) {
      await trx
        .updateTable("adoption_record")
        .set(values)
        .where("ods_code", "=", update.odsCode)
        .where("functionality_code", "=", update.functionalityCode)
        .execute();
    } else {
      await trx
        .insertInto("adoption_record")
        .values({ ...values, ods_code: update.odsCode, functionality_code: update.functionalityCode })
        .execute();
    }
    const after = await adoptionSelect(trx)
      .where("ods_code", "=", update.odsCode)
      .where("functionality_code", "=", update.functionalityCode)
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: before ? "adoption.update" : "adoption.create",
      entity: "adoption_record",
      entityKey: `${update.odsCode}/${update.functionalityCode}`,
      odsCode: update.odsCode,
      before: before ?? null,
      after,
    });
    const assessment = await refreshOrganisationTier(trx, framework, update.odsCode, org.trust_type);
    return { record: after, attainedTier: assessment.attainedTier, derived };
  });
}

/**
 * "Confirm unchanged" for a whole tier: re-stamp every record of the tier as reviewed now, one audit row
 * per record, without changing a value. Versions move on so a concurrent edit still conflicts.
 */
export async function confirmTierUnchanged(db: Kysely<DB>, odsCode: string, tier: number, actor: Actor) {
  const framework = await currentFramework(db);
  const codes = framework.functionalities.filter((f) => f.tier === tier).map((f) => f.code);
  if (codes.length === 0)
    throw new NotFoundError(`Framework version ${framework.version} has no tier ${tier}`);
  return db.transaction().execute(async (trx) => {
    const locked = await lockingReturn(trx, odsCode);
    if (locked)
      throw new StateError(`The return for ${locked.period} is ${locked.status}; records are locked`);
    const rows = await adoptionSelect(trx)
      .where("ods_code", "=", odsCode)
      .where("functionality_code", "in", codes)
      .forUpdate()
      .execute();
    const now = new Date();
    for (const row of rows) {
      await trx
        .updateTable("adoption_record")
        .set({ version: row.version + 1, updated_at: now, updated_by: actor.email })
        .where("ods_code", "=", odsCode)
        .where("functionality_code", "=", row.functionalityCode)
        .execute();
      await writeAudit(trx, actor, {
        action: "adoption.confirm_unchanged",
        entity: "adoption_record",
        entityKey: `${odsCode}/${row.functionalityCode}`,
        odsCode,
        before: { version: row.version },
        after: { version: row.version + 1, confirmedAt: now.toISOString() },
      });
    }
    return { confirmed: rows.length };
  });
}
