import { currentFramework, type DB, nationalTrusts } from "@realise/db";
import { type NationalOverview, nationalOverviewOf } from "@realise/domain";
import type { Kysely } from "kysely";
import type { NationalOverviewInput } from "../../contracts/national.js";
import { today } from "../clock.js";

/**
 * The nation (or the filtered slice of it) at a glance, from the maintained `organisation_tier` rows. The
 * trusts in view are read once (one small row each) and every figure is computed from that one read: at
 * national scale one scan costs less than a query per figure competing for the same cores.
 */
export async function nationalOverview(
  db: Kysely<DB>,
  input: NationalOverviewInput = {},
  options: { atRiskLimit?: number } = {},
): Promise<NationalOverview> {
  const framework = await currentFramework(db);
  const trusts = await nationalTrusts(db, input);
  return nationalOverviewOf(framework, trusts, {
    asOf: input.asOf ?? today(),
    atRiskLimit: options.atRiskLimit ?? 50,
  });
}
