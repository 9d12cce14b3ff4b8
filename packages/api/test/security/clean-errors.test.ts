import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { classifyFailure, loggableError } from "../../src/http/errors.js";
import { createLogger } from "../../src/http/logger.js";
import { engines, useHarness } from "../support/harness.js";

/** The error a statement raises on this engine, inside a transaction that is rolled back. */
// biome-ignore lint/suspicious/noExplicitAny: scratch tables outside the schema.
async function failure(db: Kysely<any>, statement: string) {
  try {
    await db.transaction().execute(async (tx) => {
      await sql.raw(statement).execute(tx);
    });
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${statement} to fail`);
}

describe.each(engines)("database failures answer in plain words (%s)", (engine) => {
  const h = useHarness(engine);

  it("maps unique, foreign-key, check, not-null and range violations without naming constraints", async () => {
    const db = h.database.db;
    await sql`create table scratch_parent (id int primary key, n int check (n > 0), s smallint)`.execute(db);
    await sql`create table scratch_child (id int primary key, parent int not null references scratch_parent(id))`.execute(
      db,
    );
    await sql`insert into scratch_parent values (1, 1, 1)`.execute(db);
    const cases: Array<[string, number]> = [
      ["insert into scratch_parent values (1, 1, 1)", 409],
      ["insert into scratch_child values (1, 99)", 400],
      ["insert into scratch_parent values (2, -1, 1)", 400],
      ["insert into scratch_child values (2, null)", 400],
      ["insert into scratch_parent values (3, 1, 100000)", 400],
    ];
    for (const [statement, status] of cases) {
      const error = await failure(db, statement);
      const answer = classifyFailure(error, "req-1");
      expect(answer.status, statement).toBe(status);
      expect(answer.message, statement).not.toMatch(/scratch|pkey|fkey|_check|constraint|violates|smallint/i);
    }
  });

  it("logs a database error with its code and message, never the statement's parameters or row details", async () => {
    const db = h.database.db;
    await sql`create table scratch_people (email text primary key)`.execute(db);
    await sql`insert into scratch_people values (${"secret.person@nhs.example"})`.execute(db);
    let error: unknown;
    try {
      await db
        .insertInto("scratch_people" as never)
        .values({ email: "secret.person@nhs.example" } as never)
        .execute();
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined();
    const lines: string[] = [];
    const logger = createLogger({ level: "info", write: (line) => lines.push(line) });
    logger.error({ err: error, requestId: "req-42" }, "procedure failed");
    const line = JSON.parse(lines[0]!);
    expect(line.requestId).toBe("req-42");
    expect(line.err.code).toBe("23505");
    expect(lines[0]).not.toContain("secret.person@nhs.example");
    expect(JSON.stringify(loggableError(error))).not.toContain("secret.person");
  });
});
