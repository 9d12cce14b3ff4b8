import { createHash } from "node:crypto";
import { adoptionRecords, benefitLines, type DB, planItems } from "@realise/db";
import { canonicalJson } from "@realise/domain";
import type { Kysely } from "kysely";

/**
 * What a submission keeps: every adoption record, the benefits register (lines with their actuals) and
 * the plan, as they are now, with a SHA-256 digest of their canonical JSON. The digest lets anyone show
 * later that the figures reviewed are the figures submitted.
 */
export async function copyForSubmission(
  trx: Kysely<DB>,
  odsCode: string,
  period: string,
  frameworkVersion: number,
) {
  const [records, benefits, plan] = await Promise.all([
    adoptionRecords(trx, odsCode),
    benefitLines(trx, odsCode),
    planItems(trx, odsCode),
  ]);
  const content = { odsCode, period, frameworkVersion, records, benefits, plan };
  const contentJson = canonicalJson(content);
  const digest = createHash("sha256").update(contentJson).digest("hex");
  return { content: JSON.parse(contentJson) as typeof content, contentJson, digest };
}
