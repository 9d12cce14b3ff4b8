import { type Kysely, sql } from "kysely";

/**
 * ICB and regional oversight (issue 15): an account may be an ICB viewer, bound to one ICB by its code, or a
 * region viewer, bound to one NHS England region. Each binding names exactly what its role needs: a trust
 * for trust roles, an ICB for ICB viewers, a region for region viewers, nothing for national roles.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("user_role")
    .addColumn("icb_code", "text", (c) => c.references("icb.code"))
    .execute();
  await db.schema
    .alterTable("user_role")
    .addColumn("region", "text", (c) => c.references("region.name"))
    .execute();
  await sql`alter table user_role drop constraint if exists user_role_role_check`.execute(db);
  await sql`alter table user_role drop constraint if exists user_role_trust_bound`.execute(db);
  await sql`alter table user_role add constraint user_role_role_check check (role in
    ('trust_viewer','trust_editor','trust_approver','national_admin','national_analyst','icb_viewer','region_viewer'))`.execute(
    db,
  );
  await sql`alter table user_role add constraint user_role_trust_bound check (
    (role like 'trust_%' and ods_code is not null and icb_code is null and region is null)
    or (role like 'national_%' and ods_code is null and icb_code is null and region is null)
    or (role = 'icb_viewer' and ods_code is null and icb_code is not null and region is null)
    or (role = 'region_viewer' and ods_code is null and icb_code is null and region is not null))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from user_role where role in ('icb_viewer','region_viewer')`.execute(db);
  await sql`alter table user_role drop constraint user_role_trust_bound`.execute(db);
  await sql`alter table user_role drop constraint user_role_role_check`.execute(db);
  await db.schema.alterTable("user_role").dropColumn("region").execute();
  await db.schema.alterTable("user_role").dropColumn("icb_code").execute();
  await sql`alter table user_role add constraint user_role_role_check check (role in
    ('trust_viewer','trust_editor','trust_approver','national_admin','national_analyst'))`.execute(db);
  await sql`alter table user_role add constraint user_role_trust_bound check (
    (role like 'trust_%' and ods_code is not null) or (role like 'national_%' and ods_code is null))`.execute(
    db,
  );
}
