import { currentFramework, type DB, listOrganisations } from "@realise/db";
import { AppError, BENEFIT_CLASS_LABELS, TRUST_RETURN_STATE_LABELS } from "@realise/domain";
import type { Kysely } from "kysely";
import { ReturnsQueueInput } from "../../contracts/returns.js";
import { nationalBenefits } from "../benefits/national-benefits.js";
import { type OversightScope, withinScope } from "../guards/oversight-scope.js";
import { returnQueue } from "../returns/queue.js";
import type { ExportTable } from "./exports.js";

/** The national record tables beside the overview's: benefits, the returns queue, the registry. */
export const RECORD_EXPORTS = ["benefits", "returns", "registry"] as const;
export type RecordExport = (typeof RECORD_EXPORTS)[number];

const BENEFIT_GROUPS = {
  type: "byType",
  class: "byClass",
  region: "byRegion",
  icb: "byIcb",
  supplier: "bySupplier",
} as const;

/** A return's status in the words of the trust's own pages. */
const STATUS_WORDS: Record<string, string> = {
  ...TRUST_RETURN_STATE_LABELS,
  unlocked: "Unlocked",
  withdrawn: "Withdrawn",
};

const today = () => new Date().toISOString().slice(0, 10);
const slug = (text: string) => text.replaceAll("/", "-").replaceAll(" ", "-");

/**
 * One of the record tables as CSV rows, from the same services as its page: the benefits roll-up (one
 * grouping, `by`), the returns in a state for a period, the registry (optionally searched); the first two
 * narrowed for an ICB or region viewer as their procedures narrow them (the registry is the national team's).
 */
export async function recordExport(
  db: Kysely<DB>,
  table: RecordExport,
  query: Record<string, string>,
  scope: OversightScope | null = null,
): Promise<ExportTable> {
  const framework = await currentFramework(db);
  const version = `framework-v${framework.version}`;
  if (table === "benefits") {
    const by = query.by || "type";
    if (!Object.hasOwn(BENEFIT_GROUPS, by))
      throw AppError.field("by", "Group benefits by type, class, region, icb or supplier");
    const rollUp = await nationalBenefits(db, scope);
    const rows = rollUp[BENEFIT_GROUPS[by as keyof typeof BENEFIT_GROUPS]];
    return {
      columns: ["Group", "Benefit lines", "Trusts", "Expected (£)", "Realised (£)"],
      rows: rows.map((r) => ({
        Group:
          by === "class" ? ((BENEFIT_CLASS_LABELS as Record<string, string>)[r.label] ?? r.label) : r.label,
        "Benefit lines": r.lines,
        Trusts: r.trusts,
        "Expected (£)": Math.round(r.expectedGbp),
        "Realised (£)": Math.round(r.realisedGbp),
      })),
      filename: `benefits-by-${by}-live-${today()}-${version}`,
    };
  }
  if (table === "returns") {
    const parsed = ReturnsQueueInput.safeParse({
      ...(query.period ? { period: query.period } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
    if (!parsed.success)
      throw AppError.invalid(
        parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      );
    const status = parsed.data.status ?? "submitted";
    const rows = withinScope(scope, await returnQueue(db, parsed.data));
    return {
      columns: [
        "ODS code",
        "Trust",
        "Period",
        "Trust type",
        "Region",
        "Status",
        "Submitted at",
        "Submitted by",
      ],
      rows: rows.map((r) => ({
        "ODS code": r.odsCode,
        Trust: r.name,
        Period: r.period,
        "Trust type": r.trustType,
        Region: r.region,
        Status: STATUS_WORDS[status] ?? status,
        "Submitted at": new Date(r.submittedAt).toISOString(),
        "Submitted by": r.submittedBy ?? "",
      })),
      filename: `returns-${status}-${parsed.data.period ? slug(parsed.data.period) : "all-periods"}-${version}`,
    };
  }
  const search = query.search?.trim().slice(0, 100) || undefined;
  const trusts = await listOrganisations(db, { search });
  return {
    columns: [
      "ODS code",
      "Trust",
      "Trust type",
      "Region",
      "ICB code",
      "ICB",
      "EPR status",
      "EPR supplier",
      "EPR product",
      "Attained tier",
    ],
    rows: trusts.map((t) => ({
      "ODS code": t.odsCode,
      Trust: t.name,
      "Trust type": t.trustType,
      Region: t.region,
      "ICB code": t.icbCode ?? "",
      ICB: t.icbName ?? "",
      "EPR status": t.eprStatus,
      "EPR supplier": t.eprSupplier ?? "",
      "EPR product": t.eprProduct ?? "",
      "Attained tier": t.attainedTier ?? "",
    })),
    filename: `registry-live-${today()}-${version}`,
  };
}
