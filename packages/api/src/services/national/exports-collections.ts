import type { DB } from "@realise/db";
import {
  AppError,
  NOT_SUBMITTED_STATES,
  TRUST_RETURN_STATE_LABELS,
  TRUST_RETURN_STATE_ORDER,
  TRUST_RETURN_STATES,
} from "@realise/domain";
import type { Kysely } from "kysely";
import { CollectionsStatusInput } from "../../contracts/collections.js";
import { collectionTrustStates } from "../collections/trust-states.js";
import type { OversightScope } from "../guards/oversight-scope.js";
import type { ExportTable } from "./exports.js";

/** The collection status table: every trust's state in one quarter's collection. */
export const COLLECTION_EXPORTS = ["collection-status"] as const;
export type CollectionExport = (typeof COLLECTION_EXPORTS)[number];

/**
 * The trusts of one quarter's collection as CSV rows, from the same service as the page (narrowed for an
 * ICB or region viewer as `collections.status` narrows it), with the page's `state` choice: one state,
 * `not_submitted`, or every state when absent; in the page's order.
 */
export async function collectionExport(
  db: Kysely<DB>,
  _table: CollectionExport,
  query: Record<string, string>,
  scope: OversightScope | null = null,
): Promise<ExportTable> {
  const parsed = CollectionsStatusInput.safeParse({ period: query.period ?? "" });
  if (!parsed.success)
    throw AppError.invalid(
      parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    );
  const chosen = query.state || "";
  if (chosen && chosen !== "not_submitted" && !(TRUST_RETURN_STATES as readonly string[]).includes(chosen))
    throw AppError.field(
      "state",
      `State must be not_submitted or one of ${TRUST_RETURN_STATES.join(", ")}, or left out for every state`,
    );
  const status = await collectionTrustStates(db, parsed.data, scope);
  const shown = status.trusts
    .filter((t) =>
      chosen === "not_submitted" ? NOT_SUBMITTED_STATES.includes(t.state) : !chosen || t.state === chosen,
    )
    .sort(
      (a, b) =>
        TRUST_RETURN_STATE_ORDER.indexOf(a.state) - TRUST_RETURN_STATE_ORDER.indexOf(b.state) ||
        a.name.localeCompare(b.name, "en-GB"),
    );
  const period = parsed.data.period.replaceAll("/", "-").replaceAll(" ", "-");
  return {
    columns: ["ODS code", "Trust", "State", "Last change", "Checklist items"],
    rows: shown.map((t) => ({
      "ODS code": t.odsCode,
      Trust: t.name,
      State: TRUST_RETURN_STATE_LABELS[t.state],
      "Last change": t.lastChangeOn ?? "No changes",
      "Checklist items": t.checklistItems,
    })),
    filename: `collection-status-${period}-${chosen || "every-state"}-framework-v${status.collection.frameworkVersion}`,
  };
}
