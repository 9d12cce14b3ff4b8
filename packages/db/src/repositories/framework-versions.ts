import {
  type Crosswalk,
  CrosswalkSchema,
  type Framework,
  FrameworkSchema,
  type FrameworkStatus,
  AppError,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

export interface FrameworkVersionSummary {
  version: number;
  name: string;
  status: FrameworkStatus;
  effectiveFrom: string;
  createdAt: Date;
  publishedAt: Date | null;
  rowVersion: number;
}

/** A stored version with its raw document and crosswalk. */
export interface FrameworkVersionRow extends FrameworkVersionSummary {
  document: unknown;
  crosswalk: unknown;
}

const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);

function versionRows(db: Kysely<DB>) {
  return db
    .selectFrom("framework_version")
    .select([
      "version",
      "name",
      "status",
      "effective_from as effectiveFrom",
      "created_at as createdAt",
      "published_at as publishedAt",
      "row_version as rowVersion",
      "document",
      "crosswalk",
    ])
    .$narrowType<{ status: FrameworkStatus }>();
}

export function summaryOf(row: FrameworkVersionRow): FrameworkVersionSummary {
  return {
    version: row.version,
    name: row.name,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    rowVersion: row.rowVersion,
  };
}

/** The stored document, validated by the domain schema, with the row's status. */
export function documentOf(row: FrameworkVersionRow, status: FrameworkStatus = row.status): Framework {
  return FrameworkSchema.parse({ ...json(row.document), status });
}

/** The stored document as it is, for a check that reports its problems rather than throwing. */
export function rawDocumentOf(row: FrameworkVersionRow): unknown {
  return json(row.document);
}

export function crosswalkOf(row: FrameworkVersionRow): Crosswalk | null {
  return row.crosswalk == null ? null : CrosswalkSchema.parse(json(row.crosswalk));
}

/** Every framework version, newest first. */
export async function listFrameworkVersionRows(db: Kysely<DB>): Promise<FrameworkVersionRow[]> {
  return versionRows(db).orderBy("version", "desc").execute();
}

/** One version, locked for the caller's transaction when asked; undefined if there is none. */
export async function findFrameworkVersionRow(
  db: Kysely<DB>,
  version: number,
  options: { lock?: boolean } = {},
): Promise<FrameworkVersionRow | undefined> {
  let q = versionRows(db).where("version", "=", version);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** One version; NOT_FOUND if there is none. */
export async function frameworkVersionRow(
  db: Kysely<DB>,
  version: number,
  options: { lock?: boolean } = {},
): Promise<FrameworkVersionRow> {
  const row = await findFrameworkVersionRow(db, version, options);
  if (!row) throw AppError.notFound(`Framework version ${version} does not exist`);
  return row;
}

/** The version in force (the newest published), locked when asked; NOT_FOUND if none was published. */
export async function newestPublishedRow(
  db: Kysely<DB>,
  options: { lock?: boolean } = {},
): Promise<FrameworkVersionRow> {
  let q = versionRows(db).where("status", "=", "published").orderBy("version", "desc").limit(1);
  if (options.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw AppError.notFound("No framework version has been published");
  return row;
}

/** The number of the draft, if there is one. */
export async function draftVersionNumber(db: Kysely<DB>): Promise<number | null> {
  const row = await db
    .selectFrom("framework_version")
    .select("version")
    .where("status", "=", "draft")
    .executeTakeFirst();
  return row?.version ?? null;
}

/** The highest version number stored. */
export async function highestVersionNumber(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom("framework_version")
    .select((eb) => eb.fn.max("version").as("max"))
    .executeTakeFirstOrThrow();
  return Number(row.max);
}

export async function insertDraftVersion(db: Kysely<DB>, draft: Framework, crosswalk: Crosswalk) {
  await db
    .insertInto("framework_version")
    .values({
      version: draft.version,
      name: draft.name,
      status: "draft",
      effective_from: draft.effectiveFrom,
      document: JSON.stringify(draft),
      crosswalk: JSON.stringify(crosswalk),
    })
    .execute();
}

export async function updateDraftVersion(
  db: Kysely<DB>,
  version: number,
  draft: Framework,
  crosswalk: Crosswalk | null,
  rowVersion: number,
) {
  await db
    .updateTable("framework_version")
    .set({
      name: draft.name,
      effective_from: draft.effectiveFrom,
      document: JSON.stringify(draft),
      crosswalk: crosswalk ? JSON.stringify(crosswalk) : null,
      row_version: rowVersion,
    })
    .where("version", "=", version)
    .execute();
}

export async function deleteFrameworkVersion(db: Kysely<DB>, version: number) {
  await db.deleteFrom("framework_version").where("version", "=", version).execute();
}

export async function markVersionRetired(db: Kysely<DB>, version: number, rowVersion: number) {
  await db
    .updateTable("framework_version")
    .set({ status: "retired", row_version: rowVersion })
    .where("version", "=", version)
    .execute();
}

export async function markVersionPublished(
  db: Kysely<DB>,
  version: number,
  published: Framework,
  rowVersion: number,
) {
  await db
    .updateTable("framework_version")
    .set({
      status: "published",
      document: JSON.stringify(published),
      published_at: new Date(),
      row_version: rowVersion,
    })
    .where("version", "=", version)
    .execute();
}
