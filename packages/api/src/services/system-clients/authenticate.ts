import { type DB, systemClientOfToken } from "@realise/db";
import type { Kysely } from "kysely";
import { tokenHash } from "./credentials.js";

/** The system client a bearer token acts as. */
export interface SystemCaller {
  clientId: string;
  odsCode: string;
  name: string;
}

/** Why a bearer token does not stand for a client now. */
export type RefusedToken = { refused: "unknown" } | { refused: "paused"; name: string };

/** The client of a live token, or why not: unknown, expired or revoked; or the client is paused. */
export async function systemCallerOf(db: Kysely<DB>, token: string): Promise<SystemCaller | RefusedToken> {
  const row = await systemClientOfToken(db, tokenHash(token));
  if (!row || row.revokedAt !== null || row.expiresAt.getTime() <= Date.now()) return { refused: "unknown" };
  if (row.pausedAt !== null) return { refused: "paused", name: row.name };
  return { clientId: row.clientId, odsCode: row.odsCode, name: row.name };
}
