import type { EprStatus, Region, TrustType } from "@realise/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

export interface OrganisationFilter {
  trustType?: string | undefined;
  region?: string | undefined;
  icbCode?: string | undefined;
  eprStatus?: string | undefined;
  eprSupplier?: string | undefined;
  search?: string | undefined;
  /** ICB membership is read as at this date (ISO); defaults to today. */
  asOf?: string | undefined;
}

export interface OrganisationRow {
  odsCode: string;
  name: string;
  trustType: string;
  region: string;
  icbCode: string | null;
  icbName: string | null;
  eprStatus: string;
  eprSupplier: string | null;
  eprProduct: string | null;
  attainedTier: number | null;
  progressToNext: number | null;
  version: number;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Escape LIKE wildcards so a search for "100%" means the text "100%". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Trusts joined to their ICB as at a date and their current tier: the shape every organisation query shares. */
function organisationQuery(db: Kysely<DB>, asOf: string) {
  return db
    .selectFrom("organisation as o")
    .leftJoin("organisation_icb as m", (j) =>
      j
        .onRef("m.ods_code", "=", "o.ods_code")
        .on("m.valid_from", "<=", asOf)
        .on((eb) => eb.or([eb("m.valid_to", "is", null), eb("m.valid_to", ">=", asOf)])),
    )
    .leftJoin("icb as i", "i.code", "m.icb_code")
    .leftJoin("organisation_tier as t", "t.ods_code", "o.ods_code")
    .select([
      "o.ods_code as odsCode",
      "o.name",
      "o.trust_type as trustType",
      "o.region",
      "m.icb_code as icbCode",
      "i.name as icbName",
      "o.epr_status as eprStatus",
      "o.epr_supplier as eprSupplier",
      "o.epr_product as eprProduct",
      "t.attained_tier as attainedTier",
      "t.progress_to_next as progressToNext",
      "o.version",
    ]);
}

/** Trusts with their ICB as at a date and their current tier, filtered and ordered by name. */
export async function listOrganisations(
  db: Kysely<DB>,
  filter: OrganisationFilter = {},
): Promise<OrganisationRow[]> {
  let q = organisationQuery(db, filter.asOf ?? today()).orderBy("o.name");
  if (filter.trustType) q = q.where("o.trust_type", "=", filter.trustType as TrustType);
  if (filter.region) q = q.where("o.region", "=", filter.region as Region);
  if (filter.icbCode) q = q.where("m.icb_code", "=", filter.icbCode);
  if (filter.eprStatus) q = q.where("o.epr_status", "=", filter.eprStatus as EprStatus);
  if (filter.eprSupplier) q = q.where("o.epr_supplier", "=", filter.eprSupplier);
  if (filter.search) {
    const pattern = likePattern(filter.search);
    q = q.where((eb) => eb.or([eb("o.name", "ilike", pattern), eb("o.ods_code", "ilike", pattern)]));
  }
  return q.execute();
}

export interface IcbMembershipRow {
  icbCode: string;
  icbName: string;
  validFrom: string;
  validTo: string | null;
}

/** One trust with its full ICB membership history, or undefined when the code is unknown. */
export async function findOrganisation(
  db: Kysely<DB>,
  odsCode: string,
): Promise<(OrganisationRow & { icbMemberships: IcbMembershipRow[] }) | undefined> {
  const row = await organisationQuery(db, today()).where("o.ods_code", "=", odsCode).executeTakeFirst();
  if (!row) return undefined;
  const icbMemberships = await db
    .selectFrom("organisation_icb as m")
    .innerJoin("icb as i", "i.code", "m.icb_code")
    .select([
      "m.icb_code as icbCode",
      "i.name as icbName",
      "m.valid_from as validFrom",
      "m.valid_to as validTo",
    ])
    .where("m.ods_code", "=", odsCode)
    .orderBy("m.valid_from")
    .execute();
  return { ...row, icbMemberships };
}

/** Reference lists for filters: regions, ICBs in force at a date, suppliers. */
export async function referenceLists(db: Kysely<DB>, asOf = today()) {
  const [regions, icbs, suppliers] = await Promise.all([
    db.selectFrom("region").select("name").orderBy("name").execute(),
    db
      .selectFrom("icb")
      .select(["code", "name", "region"])
      .where("valid_from", "<=", asOf)
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", asOf)]))
      .orderBy("name")
      .execute(),
    db.selectFrom("epr_supplier").select("name").orderBy("name").execute(),
  ]);
  return { regions: regions.map((r) => r.name), icbs, suppliers: suppliers.map((s) => s.name) };
}
