import type { Running } from "../../src/http/boot.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, useHarness } from "../support/harness.js";
import { signIn, startServer, trpc } from "./http.js";

const WRITERS = 32;
const ODS = "RGT";
const CODE = "F05";
const values = (coveragePct: number) => ({
  coveragePct,
  usageNumerator: null,
  usageDenominator: null,
  measurementWindowStart: null,
  measurementWindowEnd: null,
  paperRetired: false,
  plannedGoLive: null,
  claimedLevel: null,
  claimReason: null,
  evidence: [],
  notes: `written with coverage ${coveragePct}`,
});

describe.each(engines)("concurrent writers on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer(h.database);
    cookie = (await signIn(server.url, "editor.rgt@demo.realise")).cookie;
  });
  afterAll(() => server?.close());

  const version = async () =>
    (
      await h.database.db
        .selectFrom("adoption_record")
        .select(["version", "coverage_pct"])
        .where("ods_code", "=", ODS)
        .where("functionality_code", "=", CODE)
        .executeTakeFirstOrThrow()
    ).version;
  const write = (expectedVersion: number, coveragePct: number) =>
    trpc(
      server.url,
      "adoption.update",
      { odsCode: ODS, functionalityCode: CODE, expectedVersion, values: values(coveragePct) },
      { cookie },
    );
  const auditSince = async (id: number) =>
    h.database.db
      .selectFrom("audit_log")
      .select(["id", "after"])
      .where("entity", "=", "adoption_record")
      .where("entity_key", "=", `${ODS}/${CODE}`)
      .where("id", ">", id as never)
      .orderBy("id")
      .execute();

  it(`lets ${WRITERS} writers race over HTTP: each write lands or gets CONFLICT, and nothing is lost`, async () => {
    const maxAudit = await h.database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirstOrThrow();
    const startAudit = Number(maxAudit.id ?? 0);
    const v0 = await version();

    // Round 1: everyone read the same version; exactly one may win.
    const first = await Promise.all(Array.from({ length: WRITERS }, (_, i) => write(v0, i + 1)));
    const statuses = first.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(first.filter((r) => r.status === 409).every((r) => r.error?.code === "CONFLICT")).toBe(true);

    // Round 2: every writer retries on CONFLICT with a fresh read until its write lands.
    const landed: Array<{ coverage: number; version: number }> = [];
    let attempts = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, i) => {
        const coverage = 40 + i;
        for (let tries = 0; tries < 500; tries++) {
          attempts++;
          const r = await write(await version(), coverage);
          if (r.status === 200) {
            landed.push({ coverage, version: (r.data as { record: { version: number } }).record.version });
            return;
          }
          expect(r.status, r.text.slice(0, 300)).toBe(409);
        }
        throw new Error(`writer ${i} never landed`);
      }),
    );
    expect(landed).toHaveLength(WRITERS);

    // The versions are a gapless sequence, the final value is the last writer's, and the audit agrees.
    const versions = landed.map((l) => l.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: WRITERS }, (_, i) => v0 + 2 + i));
    const final = await h.database.db
      .selectFrom("adoption_record")
      .select(["version", "coverage_pct"])
      .where("ods_code", "=", ODS)
      .where("functionality_code", "=", CODE)
      .executeTakeFirstOrThrow();
    const last = landed.find((l) => l.version === final.version)!;
    expect(final.version).toBe(v0 + 1 + WRITERS);
    expect(final.coverage_pct).toBe(last.coverage);

    const audit = await auditSince(startAudit);
    expect(audit).toHaveLength(1 + WRITERS);
    const byVersion = [
      first.find((r) => r.status === 200)!,
      ...[...landed].sort((a, b) => a.version - b.version),
    ];
    const auditCoverage = audit.map((a) => (a.after as { coveragePct: number }).coveragePct);
    expect(auditCoverage.slice(1)).toEqual(
      byVersion.slice(1).map((l) => (l as { coverage: number }).coverage),
    );
    expect(auditCoverage.at(-1)).toBe(final.coverage_pct);
    console.info(
      `[safety] concurrency on ${engine}: ${WRITERS} simultaneous writes (1 landed, ${WRITERS - 1} CONFLICT), then ${WRITERS} retrying writers landed in ${attempts} attempts; ${audit.length} audit rows, final version ${final.version}`,
    );
  });
});
