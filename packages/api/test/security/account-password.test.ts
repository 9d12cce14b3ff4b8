import { describe, expect, it } from "vitest";
import { useHarness } from "../support/harness.js";

/** Accounts the national console creates get a password that meets the one policy. */
describe("accounts.create checks the initial password's strength", () => {
  const h = useHarness("pglite");
  const create = async (password: string, email: string) =>
    (await h.principal("admin@demo.realise").then((p) => h.as(p))).accounts.create({
      email,
      name: "Pat Example",
      role: "trust_viewer",
      odsCode: "RGT",
      password,
    });

  it("refuses a common or guessable password, saying why, and creates nothing", async () => {
    for (const weak of ["password12", "qwertyuiop", "1234567890"]) {
      const error = await create(weak, "pat.example@test.realise").catch((e: unknown) => e);
      expect(error, weak).toMatchObject({ code: "BAD_REQUEST" });
      expect(String((error as Error).message), weak).toMatch(/^password: /);
    }
    const row = await h.database.db
      .selectFrom("user")
      .select("id")
      .where("email", "=", "pat.example@test.realise")
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it("accepts a strong one", async () => {
    const made = await create("heron-lantern-quarry-41", "pat.strong@test.realise");
    expect(made.email).toBe("pat.strong@test.realise");
  });
});
