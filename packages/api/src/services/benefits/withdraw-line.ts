import {
  benefitLines,
  currentFramework,
  type DB,
  withdrawBenefitLine as withdrawLine,
  writeAudit,
} from "@realise/db";
import type { Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsWithdrawInput } from "../../contracts/benefits.js";
import { trustWrite } from "../guards/trust-write.js";
import { lockLineAt } from "./lock-line.js";
import { refreshBenefitMeasured } from "./refresh-benefit-measured.js";

/**
 * Withdraw a line at the version read: it stays in the register's history (with its actuals, who withdrew
 * it and why) and leaves every total, forecast and national figure. The functionalities it enabled are
 * re-derived, since a withdrawn benefit no longer shows them measured.
 */
export async function withdrawBenefitLine(
  db: Kysely<DB>,
  input: BenefitsWithdrawInput,
  actor: Principal,
): Promise<{ withdrawn: string }> {
  return trustWrite(db, input.odsCode, async (trx) => {
    const framework = await currentFramework(trx);
    const before = await lockLineAt(trx, input.odsCode, input.id, input.expectedVersion);
    await withdrawLine(trx, input.id, { version: before.version + 1, by: actor.email, reason: input.reason });
    const [after] = await benefitLines(trx, input.odsCode, [input.id], "include");
    await writeAudit(trx, actor, {
      action: "benefit.withdraw",
      entity: "benefit_line",
      entityKey: input.id,
      odsCode: input.odsCode,
      before,
      after: { ...after, withdrawnReason: input.reason },
    });
    await refreshBenefitMeasured(trx, framework, input.odsCode, before.enablingFunctionalities, actor);
    return { withdrawn: input.id };
  });
}
