import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  requestAuthVersion,
  requestDataVersion,
  withRequestVersions,
} from "../src/services/request-versions.js";
import { engines, useHarness } from "./support/harness.js";

/** A read-only request reads both versions together, once; the next request reads them afresh. */
describe.each(engines)("a request's versions on %s", (engine) => {
  const h = useHarness(engine);

  it("reads them once per request, sees what committed before it, and only for its own database", async () => {
    const db = h.database.db;
    expect(requestDataVersion(db)).toBeUndefined();
    const seen = await withRequestVersions(db, async () => {
      const data = await requestDataVersion(db);
      const auth = await requestAuthVersion(db);
      // A change committed mid-request: this request keeps what it read.
      await db.updateTable("organisation").set({ name: sql`name` }).where("ods_code", "=", "RGT").execute();
      await db.updateTable("user_role").set({ role: sql`role` }).execute();
      expect(await requestDataVersion(db)).toBe(data);
      expect(await requestAuthVersion(db)).toBe(auth);
      expect(requestDataVersion({} as typeof db)).toBeUndefined();
      return { data, auth };
    });
    const next = await withRequestVersions(db, async () => ({
      data: await requestDataVersion(db),
      auth: await requestAuthVersion(db),
    }));
    expect(BigInt(next.data!)).toBeGreaterThan(BigInt(seen.data!));
    expect(BigInt(next.auth!)).toBeGreaterThan(BigInt(seen.auth!));
  });
});
