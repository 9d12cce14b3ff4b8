import { type BenefitLineRow, type DB, upsertBenefitActual, writeAudit } from "@realise/db";
import type { Principal } from "@realise/domain";
import type { Kysely } from "kysely";

/** Record (or re-record) a line's actual for a period, with its audit row, in the caller's transaction. */
export async function writeActual(
  trx: Kysely<DB>,
  line: BenefitLineRow,
  actual: { period: string; value: number; source: string | null },
  actor: Principal,
  action: "benefit.actual" | "benefit.actual.import",
): Promise<void> {
  const previous = line.actuals.find((a) => a.period === actual.period) ?? null;
  await upsertBenefitActual(trx, { benefitId: line.id, ...actual, recordedBy: actor.email });
  await writeAudit(trx, actor, {
    action,
    entity: "benefit_line",
    entityKey: line.id,
    odsCode: line.odsCode,
    before: previous ? { period: actual.period, value: previous.value, source: previous.source } : null,
    after: { period: actual.period, value: actual.value, source: actual.source },
  });
}
