import { type DB, deleteExpiredSystemTokens, insertSystemToken, systemClientWithSecret } from "@realise/db";
import type { Kysely } from "kysely";
import { newToken, secretMatches, tokenHash } from "./credentials.js";

export const TOKEN_LIFETIME_SECONDS = 3600;
/** The one thing a system client's token allows: writing its own trust's measures. */
export const MEASURE_REPORT_SCOPE = "system/MeasureReport.write";

export type TokenAnswer =
  | { ok: true; accessToken: string; expiresIn: number; scope: string }
  | { ok: false; error: "invalid_client"; paused?: { name: string } };

/**
 * OAuth 2.0 client credentials: a bearer token for a client whose secret matches and that is not revoked.
 * Unknown client, wrong secret and revoked client all answer the same, so a caller learns nothing; a
 * paused client with the right secret is told it is paused.
 */
export async function issueSystemToken(
  db: Kysely<DB>,
  clientId: string,
  secret: string,
): Promise<TokenAnswer> {
  const client = await systemClientWithSecret(db, clientId);
  if (!client || client.revokedAt !== null || !(await secretMatches(secret, client.secretHash))) {
    return { ok: false, error: "invalid_client" };
  }
  // Only a caller who knows the secret learns that the client is paused.
  if (client.pausedAt !== null) return { ok: false, error: "invalid_client", paused: { name: client.name } };
  const accessToken = newToken();
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await deleteExpiredSystemTokens(trx, now);
    await insertSystemToken(trx, {
      hash: tokenHash(accessToken),
      clientId: client.clientId,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_SECONDS * 1000),
    });
  });
  return { ok: true, accessToken, expiresIn: TOKEN_LIFETIME_SECONDS, scope: MEASURE_REPORT_SCOPE };
}
