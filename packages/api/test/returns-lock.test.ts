import { databaseDigest } from "@realise/db";
import { periodOf } from "@realise/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";
import { callByPath, procedures, SAMPLES } from "./safety/samples.js";

/** Who does the work is not part of the return: assigning it stays open while the return is submitted. */
const NOT_RECORDS = new Set(["assignments.assign", "assignments.unassign"]);

/** Every procedure that changes a trust's records: the trust-write mutations, found from the router. */
const writePaths = procedures()
  .filter((p) => p.type === "mutation" && p.ruleName === "trustWrite" && !NOT_RECORDS.has(p.path))
  .map((p) => p.path)
  .sort();

describe.each(engines)("while a return is submitted, no write path moves it, on %s", (engine) => {
  const h = useHarness(engine);
  const period = periodOf(new Date(), "quarter");

  beforeAll(async () => {
    // The demo opens the current quarter's collection; the approver submits.
    await h.as(await h.principal("approver.rgt@demo.realise")).returns.submit({ odsCode: "RGT", period });
  });

  it("finds every write path (a new one is covered without being listed)", () => {
    expect(writePaths).toEqual(
      expect.arrayContaining([
        "adoption.confirmTier",
        "adoption.update",
        "benefits.commitImport",
        "benefits.create",
        "benefits.recordActual",
        "benefits.update",
        "plans.removeItem",
        "plans.upsertItem",
      ]),
    );
  });

  it.each(writePaths)("%s is refused, naming the return, and changes nothing", async (path) => {
    const editor = h.as(await h.principal("editor.rgt@demo.realise"));
    const before = await databaseDigest(h.database.db, { exclude: ["session"] });
    await expect(callByPath(editor, path, SAMPLES[path]!("RGT"))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining(`The return for ${period} is submitted; records are locked`),
    });
    expect(await databaseDigest(h.database.db, { exclude: ["session"] })).toEqual(before);
  });

  it("leaves other trusts free to write", async () => {
    const editor = h.as(await h.principal("editor.rr8@demo.realise"));
    const line = await editor.benefits.create({
      odsCode: "RR8",
      line: (SAMPLES["benefits.create"]!("RR8") as { line: never }).line,
    });
    expect(line.odsCode).toBe("RR8");
  });
});
