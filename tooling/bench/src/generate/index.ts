import {
  defaultFramework,
  type Framework,
  listQuarters,
  periodOf,
  periodRange,
  previousPeriod,
} from "@realise/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "@realise/db";
import { insertFrameworkVersion, seedReference } from "@realise/db/seed";
import { insertChunked } from "./bulk.js";
import { trustHistory } from "./history.js";
import { type GeneratedOrganisation, realOrganisations, syntheticOrganisations } from "./organisations.js";
import type { Timeline } from "./timeline.js";
import type { TrustProfile } from "./trajectory.js";

export { syntheticOdsCode } from "./organisations.js";

export interface GenerateProgress {
  phase: "reference" | "organisations" | "history" | "analyse";
  done: number;
  total: number;
}

export interface GenerateOptions {
  /** Trusts in total: the 202 real ones first, then synthetic ones modelled on them. Default 2,000 (10× England). */
  organisations?: number;
  /** Historic quarters, each frozen as a snapshot, before the quarter now running. Default 20. */
  periods?: number;
  /** Same seed, same data. */
  seed?: string;
  /** The generated world's "today" (ISO date); defaults to the real today. */
  asOf?: string;
  framework?: Framework;
  /** Trusts whose rows are built and inserted together; bounds memory. */
  batchSize?: number;
  onProgress?: (progress: GenerateProgress) => void;
}

export interface GenerateResult {
  organisations: number;
  syntheticOrganisations: number;
  periods: string[];
  currentPeriod: string;
  profiles: Record<TrustProfile, number>;
  rows: Record<string, number>;
  millis: number;
}

/** Newest historic period stays a provisional preview; the older ones are published, as in real life. */
async function createSnapshots(db: Kysely<DB>, framework: Framework, periods: string[]) {
  await insertChunked(
    db,
    "snapshot",
    periods.map((period) => ({
      period,
      status: "preview",
      framework_version: framework.version,
      frozen_at: new Date(Date.parse(periodRange(period).end) + 30 * 86_400_000),
      frozen_by: "analyst@generated.realise",
    })),
  );
}

/**
 * Fill an empty, migrated database with a nation of trusts: the real reference data and default framework,
 * `organisations` trusts (the real 202 plus synthetic ones), `periods` quarters of adoption history with
 * snapshots, returns and audit rows, benefits registers and plans. Deterministic for a seed and `asOf`.
 * Writes in multi-row chunks through Kysely; a transaction per batch of trusts, so a failure leaves
 * whole trusts.
 */
export async function generateNationalData(
  db: Kysely<DB>,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const started = performance.now();
  const framework = options.framework ?? defaultFramework;
  const seed = options.seed ?? "realise-national";
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const periodCount = options.periods ?? 20;
  const progress = options.onProgress ?? (() => {});
  const batchSize = options.batchSize ?? 50;

  const existing = await db
    .selectFrom("organisation")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0)
    throw new Error("generateNationalData needs an empty database (migrated, not seeded)");

  progress({ phase: "reference", done: 0, total: 1 });
  await db.transaction().execute(async (trx) => {
    await seedReference(trx);
    await insertFrameworkVersion(trx, framework);
  });
  progress({ phase: "reference", done: 1, total: 1 });

  const real = await realOrganisations(db);
  const wanted = options.organisations ?? 2_000;
  // Fewer than England: the first real trusts (by code), which always include some of each type.
  const base = wanted < real.length ? real.slice(0, wanted) : real;
  if (wanted < real.length) {
    const drop = real.slice(wanted).map((o) => o.odsCode);
    for (let i = 0; i < drop.length; i += 500) {
      await db
        .deleteFrom("organisation")
        .where("ods_code", "in", drop.slice(i, i + 500))
        .execute();
    }
  }
  const synthetic = syntheticOrganisations(real, Math.max(0, wanted - real.length), seed);
  progress({ phase: "organisations", done: 0, total: synthetic.length });
  await insertOrganisations(db, synthetic);
  progress({ phase: "organisations", done: synthetic.length, total: synthetic.length });

  const current = periodOf(asOf, "quarter");
  const last = previousPeriod(current);
  let first = last;
  for (let i = 1; i < periodCount; i++) first = previousPeriod(first);
  const periods = periodCount > 0 ? listQuarters(first, last) : [];
  const timeline: Timeline = { periods, current, asOf, seed };
  await createSnapshots(db, framework, periods);

  const all: GeneratedOrganisation[] = [...base, ...synthetic];
  const rows: Record<string, number> = {};
  const profiles: Record<TrustProfile, number> = { progressing: 0, stalled: 0, late_starter: 0, setback: 0 };
  const count = (table: string, n: number) => {
    rows[table] = (rows[table] ?? 0) + n;
  };
  for (let i = 0; i < all.length; i += batchSize) {
    const batch = all.slice(i, i + batchSize).map((org) => trustHistory(framework, org, timeline));
    for (const b of batch) profiles[b.profile] += 1;
    await db.transaction().execute(async (trx) => {
      count(
        "adoption_record",
        await insertChunked(
          trx,
          "adoption_record",
          batch.flatMap((b) => b.adoption),
        ),
      );
      count(
        "organisation_tier",
        await insertChunked(
          trx,
          "organisation_tier",
          batch.map((b) => b.tier),
        ),
      );
      count(
        "snapshot_organisation",
        await insertChunked(
          trx,
          "snapshot_organisation",
          batch.flatMap((b) => b.snapshotOrganisation),
        ),
      );
      count(
        "snapshot_adoption",
        await insertChunked(
          trx,
          "snapshot_adoption",
          batch.flatMap((b) => b.snapshotAdoption),
        ),
      );
      count(
        "trust_return",
        await insertChunked(
          trx,
          "trust_return",
          batch.flatMap((b) => b.returns),
        ),
      );
      count(
        "benefit_line",
        await insertChunked(
          trx,
          "benefit_line",
          batch.flatMap((b) => b.benefitLines),
        ),
      );
      count(
        "benefit_actual",
        await insertChunked(
          trx,
          "benefit_actual",
          batch.flatMap((b) => b.benefitActuals),
        ),
      );
      count(
        "plan_item",
        await insertChunked(
          trx,
          "plan_item",
          batch.flatMap((b) => b.planItems),
        ),
      );
      count(
        "audit_log",
        await insertChunked(
          trx,
          "audit_log",
          batch.flatMap((b) => b.audit),
        ),
      );
    });
    progress({ phase: "history", done: Math.min(all.length, i + batchSize), total: all.length });
  }

  // Publish all but the newest snapshot (the rows are refused once a period is published, so this is last).
  if (periods.length > 1) {
    await db
      .updateTable("snapshot")
      .set({ status: "published", published_at: sql<Date>`frozen_at + interval '14 days'` })
      .where("period", "in", periods.slice(0, -1))
      .execute();
  }

  progress({ phase: "analyse", done: 0, total: 1 });
  // Fresh statistics, so the planner sees 2,000 trusts rather than the empty tables it migrated.
  await sql`analyze`.execute(db);
  progress({ phase: "analyse", done: 1, total: 1 });

  return {
    organisations: all.length,
    syntheticOrganisations: synthetic.length,
    periods,
    currentPeriod: current,
    profiles,
    rows,
    millis: Math.round(performance.now() - started),
  };
}

async function insertOrganisations(db: Kysely<DB>, synthetic: GeneratedOrganisation[]) {
  await db.transaction().execute(async (trx) => {
    await insertChunked(
      trx,
      "organisation",
      synthetic.map((o) => ({
        ods_code: o.odsCode,
        name: o.name,
        trust_type: o.trustType,
        region: o.region,
        epr_status: o.eprStatus,
        epr_supplier: o.eprSupplier,
        epr_product: null,
      })),
    );
    await insertChunked(
      trx,
      "organisation_icb",
      synthetic.flatMap((o) =>
        o.memberships.map((m) => ({
          ods_code: o.odsCode,
          icb_code: m.icbCode,
          valid_from: m.validFrom,
          valid_to: m.validTo,
        })),
      ),
    );
  });
}
