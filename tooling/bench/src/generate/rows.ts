import type { DB } from "@realise/db";
import type { Insertable } from "kysely";

/** A row the generator inserts into `table`, as Kysely checks it. */
export type Row<T extends keyof DB> = Insertable<DB[T]>;
