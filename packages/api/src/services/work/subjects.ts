import { type AssignmentKind, currentFramework, type DB, workSubject } from "@realise/db";
import { AppError, type Framework } from "@realise/domain";
import type { Kysely } from "kysely";

/** The subject an input names, as stored: its kind and key. */
export function subjectOf(input: {
  functionalityCode?: string | undefined;
  tier?: number | undefined;
  benefitLineId?: string | undefined;
  planItemId?: string | undefined;
}): { kind: AssignmentKind; key: string } {
  if (input.functionalityCode !== undefined) return { kind: "functionality", key: input.functionalityCode };
  if (input.tier !== undefined) return { kind: "tier", key: String(input.tier) };
  if (input.benefitLineId !== undefined) return { kind: "benefit_line", key: input.benefitLineId };
  if (input.planItemId !== undefined) return { kind: "plan_item", key: input.planItemId };
  throw AppError.field("functionalityCode", "Say what to assign");
}

const FIELD: Record<AssignmentKind, string> = {
  functionality: "functionalityCode",
  tier: "tier",
  benefit_line: "benefitLineId",
  plan_item: "planItemId",
};

/** Where in the trust app a subject is worked on. */
export function subjectPath(odsCode: string, kind: AssignmentKind, key: string): string {
  switch (kind) {
    case "functionality":
      return `/trusts/${odsCode}/functionalities/${key}`;
    case "tier":
      return `/trusts/${odsCode}/dashboard`;
    case "benefit_line":
      return `/trusts/${odsCode}/benefits/${key}`;
    case "plan_item":
      return `/trusts/${odsCode}/plan`;
  }
}

/** The subject in words ("ePMA (F13)", "tier 2: Core clinical"), or a field error when the trust has none. */
export async function subjectLabel(
  trx: Kysely<DB>,
  odsCode: string,
  kind: AssignmentKind,
  key: string,
  framework?: Framework,
): Promise<string> {
  if (kind === "functionality" || kind === "tier") {
    const f = framework ?? (await currentFramework(trx));
    if (kind === "functionality") {
      const found = f.functionalities.find((x) => x.code === key);
      if (!found) throw AppError.field(FIELD[kind], `The framework has no functionality ${key}`);
      return `${found.shortName ?? found.name} (${key})`;
    }
    const tier = f.tiers.find((t) => String(t.number) === key);
    if (!tier) throw AppError.field(FIELD[kind], `The framework has no tier ${key}`);
    return `tier ${key}: ${tier.name}`;
  }
  const found = await workSubject(trx, odsCode, kind, key);
  if (!found)
    throw AppError.field(
      FIELD[kind],
      `Trust ${odsCode} has no such ${kind === "benefit_line" ? "benefit line" : "plan item"}`,
    );
  return found.label;
}
