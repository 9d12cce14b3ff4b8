import type { Database } from "@realise/db";
import { isAccountDisabled, versionAccountNames, versionSessions } from "@realise/db";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { getMigrations } from "better-auth/db/migration";
import type { Logger } from "pino";
import type { FairUse } from "../security/fair-use.js";
import { accountThrottle } from "./account-throttle.js";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy.js";

/** Absolute session lifetime. */
export const SESSION_HOURS = 12;

export interface AuthOptions {
  /** Public origin of the server, e.g. http://localhost:3000; decides cookie flags (Secure behind https). */
  baseURL: string;
  secret: string;
  trustedOrigins?: string[];
  /** Throttle sign-in per address; on in production, configurable for tests. */
  rateLimit?: boolean;
  /**
   * Check the Origin of state-changing auth requests. better-auth checks it always, except under
   * NODE_ENV=test where it defaults to off; the safety tests turn it on.
   */
  originCheck?: boolean;
  /** Where security events (sign-in, throttling, sign-out) are logged. */
  logger?: Logger;
  /** Where the per-address request limits are counted (the database, shared by every instance); memory if absent. */
  rateLimitStorage?: Pick<FairUse, "consume">;
}

/** Accounts, sessions and password hashing through better-auth, on our own database handle. */
export function createAuth(database: Database, options: AuthOptions) {
  const throttle = options.rateLimit ?? process.env.NODE_ENV === "production";
  return betterAuth({
    baseURL: options.baseURL,
    basePath: "/api/auth",
    secret: options.secret,
    database: { db: database.db, type: "postgres" },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      disableSignUp: true,
    },
    trustedOrigins: options.trustedOrigins ?? [],
    // A disabled account (a leaver) gets no new session: sign-in is refused with a reason.
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            if (await isAccountDisabled(database.db, session.userId))
              throw new APIError("FORBIDDEN", {
                message:
                  "This account has been disabled. Ask your trust's approver if you need access again.",
              });
          },
        },
      },
    },
    // Sessions end 12 hours after sign-in whatever the activity: a shared ward PC cannot keep one alive.
    session: { expiresIn: SESSION_HOURS * 60 * 60, disableSessionRefresh: true },
    rateLimit: {
      enabled: throttle,
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
      ...(options.rateLimitStorage
        ? { customStorage: options.rateLimitStorage }
        : { storage: "memory" as const }),
    },
    // Per address above; per (account, address) pair and per address in the database here.
    hooks: accountThrottle(database, { logger: options.logger, enabled: throttle }),
    advanced: {
      ...(options.originCheck === undefined ? {} : { disableOriginCheck: !options.originCheck }),
      // The server overwrites this header with the socket address, so a client cannot choose its bucket.
      ipAddress: { ipAddressHeaders: ["x-client-ip"] },
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
    telemetry: { enabled: false },
  });
}
export type Auth = ReturnType<typeof createAuth>;

/**
 * Create or upgrade better-auth's tables; idempotent. Then the user table raises the data version like
 * our own tables (issue 18): the names it holds show on trust dashboards kept per version.
 */
export async function migrateAuth(auth: Auth, database: Database): Promise<void> {
  const migrations = await getMigrations(auth.options);
  await migrations.runMigrations();
  await versionAccountNames(database.db);
  await versionSessions(database.db);
}
