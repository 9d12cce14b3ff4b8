import { type DB, systemClientOfToken } from "@realise/db";
import type { Kysely } from "kysely";
import { tokenHash } from "./credentials.js";

/** The system client a bearer token acts as. */
export interface SystemCaller {
  clientId: string;
  odsCode: string;
  name: string;
}

/** The client of a live token, or null for an unknown, expired or revoked one. */
export async function systemCallerOf(db: Kysely<DB>, token: string): Promise<SystemCaller | null> {
  const row = await systemClientOfToken(db, tokenHash(token));
  if (!row || row.revokedAt !== null || row.expiresAt.getTime() <= Date.now()) return null;
  return { clientId: row.clientId, odsCode: row.odsCode, name: row.name };
}
