import {
  assessableRecordsByTrust,
  currentFramework,
  type DB,
  findOrganisation,
  frameworkVersion,
  snapshotHeader,
  snapshotRecordsOf,
  snapshotTrusts,
} from "@realise/db";
import {
  AppError,
  assessTrust,
  peerGroupLabel,
  type TierDistribution,
  tierDistribution,
  type TrustType,
} from "@realise/domain";
import type { Kysely } from "kysely";
import { benefitRegister } from "../benefits/list-register.js";
import { peerDistributions } from "../organisations/peer-distributions.js";
import { trustForecast } from "../plans/forecast.js";
import { publishedQuarters } from "./official-periods.js";

export type BoardPackPeriod = { kind: "official"; period?: string | undefined } | { kind: "live" };

/** A functionality whose official level moved between two periods. */
export interface LevelChange {
  code: string;
  name: string;
  from: number;
  to: number;
}

/**
 * Everything a trust's board pack shows. Adoption, tier and peers are the published snapshot's for an
 * official period (or the live records for a draft); benefits and the plan are always live, because
 * returns do not freeze them, and the pack says so.
 */
export async function boardPackData(db: Kysely<DB>, input: { odsCode: string; period: BoardPackPeriod }) {
  const trust = await findOrganisation(db, input.odsCode);
  if (!trust) throw AppError.notFound(`No trust has the ODS code ${input.odsCode}`);
  const quarters = await publishedQuarters(db);
  const withRow = new Set(
    (
      await Promise.all(
        quarters.map(async (p) =>
          (await snapshotTrusts(db, p, { odsCode: trust.odsCode })).length ? p : null,
        ),
      )
    ).filter((p): p is string => p !== null),
  );
  const official = quarters.filter((p) => withRow.has(p));
  const organisation = { odsCode: trust.odsCode, trustType: trust.trustType as TrustType };

  let period: string | null;
  let framework: Awaited<ReturnType<typeof currentFramework>>;
  let records: Awaited<ReturnType<typeof snapshotRecordsOf>>;
  let previous: string | undefined;
  let peers: TierDistribution[];
  let frozen: { attainedTier: number; progressToNext: number | null } | null = null;
  if (input.period.kind === "live") {
    period = null;
    framework = await currentFramework(db);
    records = (await assessableRecordsByTrust(db, trust.odsCode)).get(trust.odsCode) ?? [];
    previous = official.at(-1);
    peers = await peerDistributions(db, trust.odsCode);
  } else {
    const wanted = input.period.period;
    if (wanted !== undefined && !quarters.includes(wanted))
      throw AppError.notFound(`No official figures have been published for ${wanted}`);
    period = wanted ?? official.at(-1) ?? null;
    if (period === null)
      throw AppError.notFound(
        `${trust.name} has no official figures in a published quarter yet; ask for period=live for a draft`,
      );
    if (!withRow.has(period))
      throw AppError.notFound(
        `${trust.name} had no accepted return in ${period}, so it has no official figures`,
      );
    const [row] = await snapshotTrusts(db, period, { odsCode: trust.odsCode });
    frozen = { attainedTier: row!.attainedTier, progressToNext: row!.progressToNext };
    const header = await snapshotHeader(db, period);
    framework = await frameworkVersion(db, header!.frameworkVersion);
    records = await snapshotRecordsOf(db, period, trust.odsCode);
    previous = official.filter((p) => p < period!).at(-1);
    peers = await officialPeers(db, period, trust.trustType as TrustType, row!.eprSupplier);
  }

  const assessment = assessTrust(framework, organisation, records);
  const attainedTier = frozen?.attainedTier ?? assessment.attainedTier;
  const progressToNext = frozen ? frozen.progressToNext : assessment.progressToNext;
  const changes = previous
    ? await levelChanges(db, framework, previous, trust.odsCode, records)
    : { up: [], down: [] };
  const previousTier = previous
    ? (await snapshotTrusts(db, previous, { odsCode: trust.odsCode }))[0]
    : undefined;
  const [benefits, plan] = await Promise.all([
    benefitRegister(db, { odsCode: trust.odsCode }),
    trustForecast(db, { odsCode: trust.odsCode }),
  ]);
  return {
    trust,
    period,
    frameworkVersion: framework.version,
    tiers: framework.tiers.map((t) => ({ number: t.number, name: t.name })),
    attainedTier,
    progressToNext,
    tierStatus: assessment.tiers,
    nextTierNeeds: assessment.nextTierNeeds,
    previous: previous ? { period: previous, attainedTier: previousTier?.attainedTier ?? 0 } : null,
    changes,
    peers,
    // How many of the period's records the trust's own systems reported, and how many staff entered.
    sources: {
      records: records.length,
      systemReported: records.filter((r) => r.validationState === "system_reported").length,
    },
    benefits: {
      totals: benefits.totals,
      lines: benefits.lines.length,
      currentPeriod: benefits.currentPeriod,
    },
    plan,
  };
}

export type BoardPackData = Awaited<ReturnType<typeof boardPackData>>;

async function officialPeers(db: Kysely<DB>, period: string, trustType: TrustType, supplier: string | null) {
  const asMembers = (rows: { attainedTier: number; progressToNext: number | null }[]) =>
    rows.map((r) => ({ tier: r.attainedTier, progress: r.progressToNext ?? 0 }));
  const out = [
    tierDistribution(
      peerGroupLabel.trustType(trustType),
      asMembers(await snapshotTrusts(db, period, { trustType })),
    ),
  ];
  if (supplier)
    out.push(
      tierDistribution(
        peerGroupLabel.supplier(supplier),
        asMembers(await snapshotTrusts(db, period, { eprSupplier: supplier })),
      ),
    );
  return out;
}

async function levelChanges(
  db: Kysely<DB>,
  framework: { functionalities: readonly { code: string; name: string }[] },
  previous: string,
  odsCode: string,
  records: readonly { functionalityCode: string; level: number }[],
) {
  const before = new Map(
    (await snapshotRecordsOf(db, previous, odsCode)).map((r) => [r.functionalityCode, r.level]),
  );
  const now = new Map(records.map((r) => [r.functionalityCode, r.level]));
  const up: LevelChange[] = [];
  const down: LevelChange[] = [];
  for (const f of framework.functionalities) {
    const from = before.get(f.code) ?? 0;
    const to = now.get(f.code) ?? 0;
    if (to > from) up.push({ code: f.code, name: f.name, from, to });
    if (to < from) down.push({ code: f.code, name: f.name, from, to });
  }
  return { up, down };
}
