import type { EprStatus, IcbValidity, MembershipEntry } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/** A trust's registry row as the registry editor changes it. */
export interface RegistryOrganisationRow {
  ods_code: string;
  name: string;
  epr_status: string;
  epr_supplier: string | null;
  epr_product: string | null;
  version: number;
}

/** A trust's registry row, locked for the caller's transaction; undefined if there is none. */
export async function lockRegistryOrganisation(
  db: Kysely<DB>,
  odsCode: string,
): Promise<RegistryOrganisationRow | undefined> {
  return db
    .selectFrom("organisation")
    .select(["ods_code", "name", "epr_status", "epr_supplier", "epr_product", "version"])
    .where("ods_code", "=", odsCode)
    .forUpdate()
    .executeTakeFirst();
}

/** The supplier of that exact name, if the registry knows it. */
export async function findSupplier(db: Kysely<DB>, name: string): Promise<string | null> {
  const row = await db.selectFrom("epr_supplier").select("name").where("name", "=", name).executeTakeFirst();
  return row?.name ?? null;
}

/** The supplier whose name matches without case, if any. */
export async function findSupplierIgnoringCase(db: Kysely<DB>, name: string): Promise<string | null> {
  const row = await db
    .selectFrom("epr_supplier")
    .select("name")
    .where("name", "ilike", name)
    .executeTakeFirst();
  return row?.name ?? null;
}

export async function insertSupplier(db: Kysely<DB>, name: string): Promise<void> {
  await db.insertInto("epr_supplier").values({ name }).execute();
}

export async function updateOrganisationEprRow(
  db: Kysely<DB>,
  odsCode: string,
  epr: { eprStatus: EprStatus; eprSupplier: string | null; eprProduct: string | null },
  version: number,
): Promise<void> {
  await db
    .updateTable("organisation")
    .set({
      epr_status: epr.eprStatus,
      epr_supplier: epr.eprSupplier,
      epr_product: epr.eprProduct,
      version,
      updated_at: new Date(),
    })
    .where("ods_code", "=", odsCode)
    .execute();
}

/** Raise a trust's version (a change held in another table, such as its ICB memberships). */
export async function bumpOrganisationVersion(db: Kysely<DB>, odsCode: string, version: number) {
  await db
    .updateTable("organisation")
    .set({ version, updated_at: new Date() })
    .where("ods_code", "=", odsCode)
    .execute();
}

/** The named ICBs with their validity. */
export async function icbsByCode(db: Kysely<DB>, codes: readonly string[]): Promise<IcbValidity[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom("icb")
    .select(["code", "name", "valid_from as validFrom", "valid_to as validTo"])
    .where("code", "in", [...codes])
    .execute();
}

/** Every ICB, past and present, by name then start. */
export async function allIcbs(db: Kysely<DB>) {
  return db
    .selectFrom("icb")
    .select(["code", "name", "region", "valid_from as validFrom", "valid_to as validTo"])
    .orderBy("name")
    .orderBy("valid_from")
    .execute();
}

/** A trust's ICB memberships, oldest first. */
export async function membershipsOf(db: Kysely<DB>, odsCode: string): Promise<MembershipEntry[]> {
  return db
    .selectFrom("organisation_icb")
    .select(["icb_code as icbCode", "valid_from as validFrom", "valid_to as validTo"])
    .where("ods_code", "=", odsCode)
    .orderBy("valid_from")
    .execute();
}

/** Replace a trust's ICB memberships. */
export async function replaceMemberships(
  db: Kysely<DB>,
  odsCode: string,
  memberships: readonly MembershipEntry[],
): Promise<void> {
  await db.deleteFrom("organisation_icb").where("ods_code", "=", odsCode).execute();
  if (memberships.length > 0)
    await db
      .insertInto("organisation_icb")
      .values(
        memberships.map((m) => ({
          ods_code: odsCode,
          icb_code: m.icbCode,
          valid_from: m.validFrom,
          valid_to: m.validTo,
        })),
      )
      .execute();
}

/** Which of the ODS codes the registry knows. */
export async function knownOdsCodes(db: Kysely<DB>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom("organisation")
    .select("ods_code")
    .where("ods_code", "in", [...codes])
    .execute();
  return new Set(rows.map((r) => r.ods_code));
}
