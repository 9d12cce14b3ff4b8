import { readFileSync } from "node:fs";
import { createDatabase, type Database } from "@realise/db";
import { createScratchDatabase } from "@realise/db/testing";
import { afterAll, beforeAll, inject } from "vitest";
import type { Principal, Role } from "@realise/domain";
import { type Auth, createAuth } from "../../src/auth/auth.js";
import { createCaller } from "../../src/caller.js";
import { TEST_ORIGIN, TEST_SECRET } from "./template.js";

export type EngineName = "pglite" | "postgres";

/** The engines this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const engines: EngineName[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface Harness {
  database: Database;
  auth: Auth;
  /** A caller acting as a principal (null = no session). */
  as(principal: Principal | null): ReturnType<typeof createCaller>;
  /** The principal of a seeded demo account, by email. */
  principal(email: string): Promise<Principal>;
  /** A principal with a role, bound to a trust for trust roles. */
  role(role: Role, odsCode?: string): Principal;
}

/** A fresh copy of the seeded database for this file, on the given engine. */
export async function openTestDatabase(
  engine: EngineName,
): Promise<{ database: Database; drop(): Promise<void> }> {
  if (engine === "pglite") {
    const image = readFileSync(inject("pgliteTemplate"));
    const database = await createDatabase({ loadDataDir: new Blob([image]) });
    return { database, drop: async () => {} };
  }
  const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, {
    template: inject("postgresTemplate")!,
  });
  const database = await createDatabase({ databaseUrl: scratch.url, poolSize: 40 });
  return { database, drop: () => scratch.drop() };
}

/** Open a database for the describe block and close it afterwards. */
export function useHarness(engine: EngineName): Harness {
  const h = {} as Harness;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const opened = await openTestDatabase(engine);
    drop = opened.drop;
    h.database = opened.database;
    h.auth = createAuth(opened.database, { baseURL: TEST_ORIGIN, secret: TEST_SECRET });
    h.as = (principal) => createCaller({ database: h.database, auth: h.auth, principal });
    h.principal = async (email) => {
      const row = await h.database.db
        .selectFrom("user")
        .innerJoin("user_role", "user_role.user_id", "user.id")
        .select(["user.id", "user.email", "user.name", "user_role.role", "user_role.ods_code"])
        .where("user.email", "=", email)
        .executeTakeFirstOrThrow();
      return {
        userId: row.id,
        email: row.email,
        name: row.name,
        role: row.role as Role,
        odsCode: row.ods_code,
      };
    };
    h.role = (role, odsCode) => ({
      userId: `test-${role}-${odsCode ?? "national"}`,
      email: `${role}@test.realise`,
      name: role,
      role,
      odsCode: role.startsWith("trust_") ? (odsCode ?? "RGT") : null,
    });
  });
  afterAll(async () => {
    await h.database?.close();
    await drop();
  });
  return h;
}
