import { type Kysely, sql } from "kysely";

/**
 * A framework version's document digest, stored (issue 18). Every adoption write asks which version is in
 * force and recognises its parsed document by this digest; computing it then meant turning a 60 kB
 * document into text and hashing it on every write. The database now keeps it beside the document.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table framework_version
    add column digest text not null generated always as (md5(document::text)) stored`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table framework_version drop column digest`.execute(db);
}
