import { RegionSchema, TrustTypeSchema } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";
import { readReferenceCsv } from "./csv.js";

/** The 42-ICB layer ran from the ICBs' creation to the April 2026 mergers. */
export const ICB_LAYER_2022 = { from: "2022-07-01", to: "2026-03-31" } as const;
export const ICB_LAYER_2026_FROM = "2026-04-01";
/** Trusts created after 2022 join their ICB on their opening date. */
const OPENED: Record<string, string> = { K0N6A: "2026-06-01", G6V2S: "2024-11-01" };

/** Map the detail file's free-text EPR status onto the model's four states. */
export function eprStatusFrom(text: string): "none" | "procuring" | "implementing" | "live" {
  if (text.startsWith("primary EPR") || text.startsWith("live") || text.startsWith("predecessors"))
    return "live";
  if (text.startsWith("contracted")) return "implementing";
  if (text.startsWith("no EPR")) return "procuring";
  return "none";
}

/** Seed regions, both ICB layers, suppliers, the 202 trusts and their dated ICB memberships. */
export async function seedReference(db: Kysely<DB>): Promise<{ organisations: number; icbs: number }> {
  const trusts = readReferenceCsv("nhs-trusts-england.csv");
  const icbs2022 = readReferenceCsv("nhs-icbs-england.csv");
  const icbs2026 = readReferenceCsv("nhs-icbs-england-2026.csv");
  const icbOf2026 = new Map(readReferenceCsv("nhs-trusts-england-icb-2026.csv").map((r) => [r.ods_code!, r]));
  const detail = new Map(readReferenceCsv("nhs-trusts-england-epr-detail.csv").map((r) => [r.ods_code!, r]));

  const regions = [...new Set([...icbs2022, ...icbs2026].map((r) => RegionSchema.parse(r.region)))].sort();
  await db
    .insertInto("region")
    .values(regions.map((name) => ({ name })))
    .execute();

  const codes2026 = new Set(icbs2026.map((r) => r.icb_code!));
  const icbRows = [
    ...icbs2022.map((r) => ({
      code: r.icb_code!,
      name: r.icb_name!,
      region: RegionSchema.parse(r.region),
      valid_from: ICB_LAYER_2022.from,
      // An ICB that survived the 2026 mergers keeps its code and stays open.
      valid_to: codes2026.has(r.icb_code!) ? null : ICB_LAYER_2022.to,
      predecessor_codes: [],
    })),
    ...icbs2026
      .filter((r) => !icbs2022.some((o) => o.icb_code === r.icb_code))
      .map((r) => ({
        code: r.icb_code!,
        name: r.icb_name!,
        region: RegionSchema.parse(r.region),
        valid_from: r.effective_from || ICB_LAYER_2026_FROM,
        valid_to: null,
        predecessor_codes: (r.predecessor_icb_codes ?? "").split(";").filter(Boolean),
      })),
  ];
  await db.insertInto("icb").values(icbRows).execute();

  const suppliers = [...new Set(trusts.map((t) => t.epr_supplier).filter((s): s is string => !!s))].sort();
  await db
    .insertInto("epr_supplier")
    .values(suppliers.map((name) => ({ name })))
    .execute();

  await db
    .insertInto("organisation")
    .values(
      trusts.map((t) => ({
        ods_code: t.ods_code!,
        name: t.name!,
        trust_type: TrustTypeSchema.parse(t.trust_type),
        region: RegionSchema.parse(t.region),
        epr_status: eprStatusFrom(detail.get(t.ods_code!)?.epr_status ?? ""),
        epr_supplier: t.epr_supplier || null,
        epr_product: null,
      })),
    )
    .execute();

  const memberships = trusts.flatMap((t) => {
    const ods = t.ods_code!;
    const opened = OPENED[ods];
    const now = icbOf2026.get(ods)?.icb_code_2026 || t.icb_code!;
    if (opened && opened >= ICB_LAYER_2026_FROM) {
      return [{ ods_code: ods, icb_code: now, valid_from: opened, valid_to: null }];
    }
    const from = opened ?? ICB_LAYER_2022.from;
    if (now === t.icb_code) return [{ ods_code: ods, icb_code: now, valid_from: from, valid_to: null }];
    return [
      { ods_code: ods, icb_code: t.icb_code!, valid_from: from, valid_to: ICB_LAYER_2022.to },
      { ods_code: ods, icb_code: now, valid_from: ICB_LAYER_2026_FROM, valid_to: null },
    ];
  });
  await db.insertInto("organisation_icb").values(memberships).execute();
  return { organisations: trusts.length, icbs: icbRows.length };
}
