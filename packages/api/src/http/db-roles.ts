import { createDatabase, currentRole, type Database, grantRuntimeRole, migrateToLatest } from "@realise/db";
import { createAuth, migrateAuth } from "../auth/auth.js";
import type { Logger } from "./logger.js";

/**
 * Migrate as the owner (DATABASE_ADMIN_URL), better-auth's tables included, then grant the runtime role
 * (the one `runtime` connects as, DATABASE_URL) what the server needs on every table, as the last step so
 * tables added by any migration are covered. Returns the migrations applied.
 */
export async function migrateAsOwner(adminUrl: string, runtime: Database, logger: Logger): Promise<string[]> {
  const owner = await createDatabase({ databaseUrl: adminUrl, poolSize: 2 });
  try {
    const applied = await migrateToLatest(owner.db);
    // Only the schema matters here: the secret and origin are never used by the migrations.
    await migrateAuth(createAuth(owner, { baseURL: "http://localhost", secret: "m".repeat(32) }), owner);
    const [runtimeRole, ownerRole] = [await currentRole(runtime.db), await currentRole(owner.db)];
    if (runtimeRole === ownerRole) {
      logger.warn(
        { event: "security.database_single_role", role: runtimeRole },
        "DATABASE_URL and DATABASE_ADMIN_URL connect as the same role: the server can alter the audit log",
      );
    } else {
      await grantRuntimeRole(owner.db, runtimeRole);
      logger.info({ runtimeRole, ownerRole }, "database runtime role granted its privileges");
    }
    return applied;
  } finally {
    await owner.close();
  }
}

/** In production the server should not own its tables; say so when no owner URL is configured. */
export function warnSingleRole(logger: Logger, engine: Database["engine"]): void {
  if (process.env.NODE_ENV !== "production") return;
  logger.warn(
    { event: "security.database_single_role", database: engine },
    "DATABASE_ADMIN_URL is not set: the server connects as the owner of its tables and could alter the audit log; set DATABASE_URL to a runtime role and DATABASE_ADMIN_URL to the owner (see the README)",
  );
}
