import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { credentialsOf } from "../src/auth/accounts.js";
import { registerAccount } from "../src/services/accounts/index.js";
import { engines, useHarness } from "./support/harness.js";
import { badRequest } from "./support/inputs.js";

describe.each(engines)("registry and accounts administration on %s", (engine) => {
  const h = useHarness(engine);
  const admin = () => h.as(h.role("national_admin"));

  it("refuses writes to trust roles and the analyst", async () => {
    const principals = [
      await h.principal("editor.rgt@demo.realise"),
      await h.principal("approver.rgt@demo.realise"),
      await h.principal("viewer.rgt@demo.realise"),
      await h.principal("analyst@demo.realise"),
    ];
    for (const p of principals) {
      const c = h.as(p);
      await expect(
        c.registryAdmin.updateEpr({
          odsCode: "RGT",
          expectedVersion: 1,
          eprStatus: "live",
          eprSupplier: null,
          eprProduct: null,
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        c.registryAdmin.setIcbMemberships({ odsCode: "RGT", expectedVersion: 1, memberships: [] }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        c.registryAdmin.savePeerGroupSet({
          id: "x",
          name: "x",
          description: "",
          expectedVersion: 0,
          groups: [],
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.accounts.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        c.accounts.create({
          email: "new@test.realise",
          name: "New",
          role: "national_admin",
          odsCode: null,
          password: "long-enough-password",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const p of principals.slice(0, 3))
      await expect(h.as(p).registryAdmin.organisation({ odsCode: "RGT" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    const read = await h.as(principals[3]!).registryAdmin.organisation({ odsCode: "RGT" });
    expect(read.organisation.odsCode).toBe("RGT");
  });

  it("edits EPR status, supplier and product with a version check and an audit row", async () => {
    const { organisation: org } = await admin().registryAdmin.organisation({ odsCode: "RR8" });
    const lists = await admin().organisations.referenceLists();
    const supplier = lists.suppliers.find((s) => s !== org.eprSupplier)!;
    const saved = await admin().registryAdmin.updateEpr({
      odsCode: "RR8",
      expectedVersion: org.version,
      eprStatus: "implementing",
      eprSupplier: supplier,
      eprProduct: "Test product",
    });
    expect(saved.version).toBe(org.version + 1);
    const after = await admin().registryAdmin.organisation({ odsCode: "RR8" });
    expect(after.organisation).toMatchObject({
      eprStatus: "implementing",
      eprSupplier: supplier,
      eprProduct: "Test product",
    });
    expect(after.history[0]).toMatchObject({ action: "organisation.epr", after: { eprSupplier: supplier } });
    await expect(
      admin().registryAdmin.updateEpr({
        odsCode: "RR8",
        expectedVersion: org.version,
        eprStatus: "live",
        eprSupplier: supplier,
        eprProduct: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await badRequest(
        admin().registryAdmin.updateEpr({
          odsCode: "RR8",
          expectedVersion: saved.version,
          eprStatus: "live",
          eprSupplier: "No Such Supplier Ltd",
          eprProduct: null,
        }),
      ),
    ).toEqual([
      "eprSupplier: No Such Supplier Ltd is not a known EPR supplier; add it to the supplier list first",
    ]);
    expect(
      await badRequest(
        admin().registryAdmin.updateEpr({
          odsCode: "RR8",
          expectedVersion: saved.version,
          eprStatus: "unknown" as "live",
          eprSupplier: null,
          eprProduct: null,
        }),
      ),
    ).toEqual(["eprStatus: EPR status must be one of none, procuring, implementing, live"]);
  });

  it("replaces ICB membership across a merger and refuses overlaps naming the row", async () => {
    const { organisation: org } = await admin().registryAdmin.organisation({ odsCode: "RGT" });
    const icbs = await admin().registryAdmin.icbs();
    const ended = icbs.find((i) => i.validTo !== null)!;
    const current = icbs.find((i) => i.validTo === null && i.validFrom <= ended.validTo!)!;
    const dayAfter = new Date(`${ended.validTo!}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    const from = dayAfter.toISOString().slice(0, 10);
    expect(
      await badRequest(
        admin().registryAdmin.setIcbMemberships({
          odsCode: "RGT",
          expectedVersion: org.version,
          memberships: [
            { icbCode: ended.code, validFrom: ended.validFrom, validTo: ended.validTo },
            { icbCode: current.code, validFrom: ended.validTo!, validTo: null },
          ],
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^memberships\.1\.validFrom: Membership of .* overlaps membership of /),
    ]);
    const saved = await admin().registryAdmin.setIcbMemberships({
      odsCode: "RGT",
      expectedVersion: org.version,
      memberships: [
        { icbCode: ended.code, validFrom: ended.validFrom, validTo: ended.validTo },
        { icbCode: current.code, validFrom: from, validTo: null },
      ],
    });
    const after = await admin().registryAdmin.organisation({ odsCode: "RGT" });
    expect(after.organisation.version).toBe(saved.version);
    expect(after.organisation.icbMemberships.map((m) => [m.icbCode, m.validFrom, m.validTo])).toEqual([
      [ended.code, ended.validFrom, ended.validTo],
      [current.code, from, null],
    ]);
    expect(after.organisation.icbCode).toBe(current.code);
    expect(
      await badRequest(
        admin().registryAdmin.setIcbMemberships({
          odsCode: "RGT",
          expectedVersion: saved.version,
          memberships: [{ icbCode: ended.code, validFrom: ended.validFrom, validTo: null }],
        }),
      ),
    ).toEqual([expect.stringMatching(/^memberships\.0\.validTo: .* ended on /)]);
    expect(saved.warnings).toEqual([]);
    // Saved, but the trust is left in no ICB today: the answer says so.
    const orphaned = await admin().registryAdmin.setIcbMemberships({
      odsCode: "RGT",
      expectedVersion: saved.version,
      memberships: [{ icbCode: ended.code, validFrom: ended.validFrom, validTo: ended.validTo }],
    });
    expect(orphaned.warnings).toEqual([expect.stringContaining("RGT is now in no ICB")]);
  });

  it("refuses a live EPR with no supplier, naming the field", async () => {
    const { organisation: org } = await admin().registryAdmin.organisation({ odsCode: "RR8" });
    expect(
      await badRequest(
        admin().registryAdmin.updateEpr({
          odsCode: "RR8",
          expectedVersion: org.version,
          eprStatus: "live",
          eprSupplier: null,
          eprProduct: null,
        }),
      ),
    ).toEqual(["eprSupplier: A live EPR needs its supplier; choose the supplier, or another status"]);
  });

  it("keeps peer groups exclusive within a set, in the API and in the database", async () => {
    expect(
      await badRequest(
        admin().registryAdmin.savePeerGroupSet({
          id: "size",
          name: "By size",
          description: "",
          expectedVersion: 0,
          groups: [
            { id: "size-large", name: "Large", members: ["RGT", "RR8"] },
            { id: "size-small", name: "Small", members: ["RR8", "RRU"] },
          ],
        }),
      ),
    ).toEqual([
      "groups.1.members: RR8 is in more than one group of this set (size-large, size-small); a trust sits in one group per set",
    ]);
    const saved = await admin().registryAdmin.savePeerGroupSet({
      id: "size",
      name: "By size",
      description: "Large and small trusts",
      expectedVersion: 0,
      groups: [
        { id: "size-large", name: "Large", members: ["RGT", "RR8"] },
        { id: "size-small", name: "Small", members: ["RRU"] },
      ],
    });
    expect(saved.version).toBe(1);
    const sets = await h.as(h.role("national_analyst")).registryAdmin.peerGroupSets();
    expect(sets).toEqual([expect.objectContaining({ id: "size", groups: 2, members: 3 })]);
    const rgt = await admin().registryAdmin.organisation({ odsCode: "RGT" });
    expect(rgt.peerGroups).toEqual([
      { setId: "size", setName: "By size", groupId: "size-large", groupName: "Large" },
    ]);
    // The table's key is the backstop, whoever writes.
    await expect(
      sql`insert into peer_group_member (set_id, group_id, ods_code) values ('size', 'size-small', 'RGT')`.execute(
        h.database.db,
      ),
    ).rejects.toThrow();
    await expect(
      admin().registryAdmin.savePeerGroupSet({
        id: "size",
        name: "By size",
        description: "",
        expectedVersion: 0,
        groups: [],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await admin().registryAdmin.deletePeerGroupSet({ id: "size", expectedVersion: 1 });
    expect(await admin().registryAdmin.peerGroupSets()).toEqual([]);
  });

  it("lists accounts, creates one that can be bound and rebound, and audits both", async () => {
    const list = await admin().accounts.list();
    expect(list.find((a) => a.email === "editor.rgt@demo.realise")).toMatchObject({
      role: "trust_editor",
      odsCode: "RGT",
    });
    expect(
      await badRequest(
        admin().accounts.create({
          email: "short@test.realise",
          name: "Short",
          role: "trust_viewer",
          odsCode: "RGT",
          password: "short",
        }),
      ),
    ).toEqual(["password: Initial password must be at least 10 characters"]);
    expect(
      await badRequest(
        admin().accounts.create({
          email: "nobody@test.realise",
          name: "Nobody",
          role: "trust_viewer",
          odsCode: null,
          password: "long-enough-password",
        }),
      ),
    ).toEqual(["odsCode: A trust role needs the trust's ODS code"]);
    expect(
      await badRequest(
        admin().accounts.create({
          email: "admin@demo.realise",
          name: "Dup",
          role: "national_admin",
          odsCode: null,
          password: "long-enough-password",
        }),
      ),
    ).toEqual(["email: An account already uses admin@demo.realise"]);

    const created = await admin().accounts.create({
      email: "New.Viewer@Test.Realise",
      name: "New Viewer",
      role: "trust_viewer",
      odsCode: "RXT",
      password: "a-long-initial-password",
    });
    const signIn = await h.auth.api.signInEmail({
      body: { email: "new.viewer@test.realise", password: "a-long-initial-password" },
    });
    expect(signIn.user.id).toBe(created.userId);

    await admin().accounts.changeBinding({
      userId: created.userId,
      expected: { role: "trust_viewer", odsCode: "RXT" },
      role: "trust_editor",
      odsCode: "RXT",
    });
    await expect(
      admin().accounts.changeBinding({
        userId: created.userId,
        expected: { role: "trust_viewer", odsCode: "RXT" },
        role: "trust_approver",
        odsCode: "RXT",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const adminId = (await h.principal("admin@demo.realise")).userId;
    await expect(
      admin().accounts.changeBinding({
        userId: adminId,
        expected: { role: "national_admin", odsCode: null },
        role: "national_analyst",
        odsCode: null,
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "user")
      .where("entity_key", "=", created.userId)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["account.create", "account.binding"]);
    const editor = await h.principal("new.viewer@test.realise");
    expect(editor.role).toBe("trust_editor");
  });
  it("creates an account in one transaction: a failing credential leaves no user, binding or audit row", async () => {
    const taken = await sql<{ id: string }>`select id from account limit 1`.execute(h.database.db);
    const real = await credentialsOf(h.auth);
    const clashing = {
      hashPassword: real.hashPassword,
      newId: (model: "user" | "account") => (model === "account" ? taken.rows[0]!.id : real.newId(model)),
    };
    const actor = await h.principal("admin@demo.realise");
    const input = {
      email: "half.made@test.realise",
      name: "Half made",
      role: "trust_viewer" as const,
      odsCode: "RGT",
      password: "a-long-initial-password",
    };
    await expect(registerAccount(h.database.db, input, actor, clashing)).rejects.toThrow();
    const users = await h.database.db
      .selectFrom("user")
      .select("id")
      .where("email", "=", input.email)
      .execute();
    expect(users).toEqual([]);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "account.create")
      .where("after", "is not", null)
      .where(sql<boolean>`after->>'email' = ${input.email}`)
      .execute();
    expect(audit).toEqual([]);
    const created = await registerAccount(h.database.db, input, actor, real);
    const bindings = await h.database.db
      .selectFrom("user_role")
      .select("role")
      .where("user_id", "=", created.userId)
      .execute();
    expect(bindings).toEqual([{ role: "trust_viewer" }]);
  });
});
