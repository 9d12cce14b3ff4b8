import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";
import { badRequest } from "./support/inputs.js";

describe.each(engines)("collections on %s", (engine) => {
  const h = useHarness(engine);
  const admin = () => h.principal("admin@demo.realise");
  // A quarter that ends after any plausible run date of this suite, so "due in the past" never applies.
  const q = { period: "2098/99 Q2", opensOn: "2098-07-01", dueOn: "2098-10-31" };

  it("opens a quarter for returns, audited, and shows it to trusts with its due date", async () => {
    const opened = await h.as(await admin()).collections.open(q);
    expect(opened).toMatchObject({
      period: q.period,
      opensOn: q.opensOn,
      dueOn: q.dueOn,
      openedBy: "admin@demo.realise",
    });
    expect(opened.frameworkVersion).toBeGreaterThanOrEqual(1);
    const seen = await h.as(await h.principal("viewer.rgt@demo.realise")).collections.list();
    const mine = seen.find((c) => c.period === q.period);
    expect(mine).toMatchObject({ dueOn: q.dueOn, phase: "upcoming" });
    expect(mine!.daysUntilDue).toBeGreaterThan(0);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_email"])
      .where("entity", "=", "collection")
      .where("entity_key", "=", q.period)
      .execute();
    expect(audit).toEqual([{ action: "collection.open", actor_email: "admin@demo.realise" }]);
  });

  it("refuses a second collection for the same quarter, changing nothing", async () => {
    await expect(h.as(await admin()).collections.open({ ...q, dueOn: "2098-12-31" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `A collection for ${q.period} is already open`,
    });
    const rows = await h.database.db
      .selectFrom("collection")
      .selectAll()
      .where("period", "=", q.period)
      .execute();
    expect(rows.map((r) => r.due_on)).toEqual([q.dueOn]);
  });

  it("names the field and the reason for a bad collection", async () => {
    const a = h.as(await admin());
    expect(await badRequest(a.collections.open({ ...q, period: "2098/99" }))).toEqual([
      "period: Returns are collected by quarter: choose a quarter such as 2026/27 Q3",
    ]);
    expect(
      await badRequest(
        a.collections.open({ period: "2097/98 Q1", opensOn: "2097-07-01", dueOn: "2097-06-01" }),
      ),
    ).toEqual([
      "dueOn: Due date must be on or after the opening date",
      "dueOn: Due date must be on or after the quarter ends (2097-06-30)",
    ]);
    expect(await badRequest(a.collections.open({ ...q, period: "9999/00 Q1" }))).toEqual([
      "period: Period must be between 2000/01 and 2098/99",
    ]);
    expect(
      await badRequest(a.collections.open({ ...q, period: "2097/98 Q3", frameworkVersion: 999 })),
    ).toEqual(["frameworkVersion: Framework version 999 does not exist"]);
  });

  it("is for the national admin only", async () => {
    await expect(h.as(h.role("national_analyst")).collections.open(q)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      h.as(await h.principal("approver.rgt@demo.realise")).collections.open(q),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(null).collections.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
