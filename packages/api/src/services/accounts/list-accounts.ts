import { type AccountRow, type DB, listAccounts as accountRows } from "@realise/db";
import type { Kysely } from "kysely";
import type { AccountsList } from "../../contracts/accounts.js";

/** Every account with its role and trust, optionally filtered by email, name or ODS code. */
export async function listAccounts(db: Kysely<DB>, input: AccountsList): Promise<AccountRow[]> {
  return accountRows(db, input ?? {});
}
