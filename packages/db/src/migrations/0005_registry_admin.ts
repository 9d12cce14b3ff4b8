import { type Kysely, sql } from "kysely";

/**
 * Peer group sets defined by the national team. Groups in a set are exclusive: the member table's key
 * (set, trust) lets a trust sit in one group per set, so a benchmark never depends on which group is read first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("peer_group_set")
    .addColumn("id", "text", (c) => c.primaryKey().check(sql`id ~ '^[a-z0-9][a-z0-9-]{0,59}$'`))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("peer_group")
    .addColumn("id", "text", (c) => c.primaryKey().check(sql`id ~ '^[a-z0-9][a-z0-9-]{0,99}$'`))
    .addColumn("set_id", "text", (c) => c.notNull().references("peer_group_set.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addUniqueConstraint("peer_group_set_name", ["set_id", "name"])
    // Lets members name (group, set) together so a member cannot claim a set its group is not in.
    .addUniqueConstraint("peer_group_id_set", ["id", "set_id"])
    .execute();
  await db.schema
    .createTable("peer_group_member")
    .addColumn("set_id", "text", (c) => c.notNull())
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code").onDelete("cascade"))
    .addPrimaryKeyConstraint("peer_group_member_one_per_set", ["set_id", "ods_code"])
    .addForeignKeyConstraint(
      "peer_group_member_group",
      ["group_id", "set_id"],
      "peer_group",
      ["id", "set_id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("peer_group_member_group")
    .on("peer_group_member")
    .columns(["group_id"])
    .execute();
}
