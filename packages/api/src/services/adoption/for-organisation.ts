import {
  adoptionRecords,
  currentFramework,
  type DB,
  findOrganisation,
  lockingReturn,
  recordSources,
  returnsFor,
  toAssessable,
} from "@realise/db";
import { AppError, assessTrust, explainTiers, periodOf, type TrustType } from "@realise/domain";
import type { Kysely } from "kysely";
import { peerDistributions } from "../organisations/peer-distributions.js";
import { versioned } from "../versioned.js";

/**
 * The trust's dashboard: tier, progress, what the next tier needs, every functionality, peers, lock state.
 * Kept per data version (issue 18): every table it reads, the names of who entered a record included,
 * raises the version when it changes, so the next request after any change computes afresh. The quarter is
 * in the key because whether an accepted return locks the records depends on it, not on the data alone.
 */
export async function adoptionForOrganisation(
  db: Kysely<DB>,
  input: { odsCode: string },
  today: Date = new Date(),
) {
  const quarter = periodOf(today, "quarter");
  return versioned(db, `adoption.forOrganisation|${quarter}|${input.odsCode}`, () =>
    computeDashboard(db, input, today),
  );
}

async function computeDashboard(db: Kysely<DB>, input: { odsCode: string }, today: Date) {
  const organisation = await findOrganisation(db, input.odsCode);
  if (!organisation) throw AppError.notFound(`No trust has the ODS code ${input.odsCode}`);
  const [framework, stored, peers, returns, locked, sources] = await Promise.all([
    currentFramework(db),
    adoptionRecords(db, input.odsCode),
    peerDistributions(db, input.odsCode),
    returnsFor(db, input.odsCode),
    lockingReturn(db, input.odsCode, today),
    recordSources(db, input.odsCode),
  ]);
  // Each record says where its figures came from: "Reported by EPR nightly feed" or "Entered by Jane Smith".
  const records = stored.map((r) => ({ ...r, source: sources.get(r.functionalityCode) ?? null }));
  const assessable = toAssessable(records);
  const trustType = organisation.trustType as TrustType;
  const assessment = assessTrust(framework, { odsCode: input.odsCode, trustType }, assessable);
  return {
    organisation,
    framework: {
      version: framework.version,
      name: framework.name,
      tiers: framework.tiers,
      functionalities: framework.functionalities,
    },
    assessment,
    /** Every tier's criteria (own and carried from lower tiers), met or not, with the gaps of unmet ones. */
    tierExplanation: explainTiers(framework, { trustType }, assessable),
    records,
    peers,
    returns,
    currentPeriod: periodOf(today, "quarter"),
    locked: locked ?? null,
  };
}
