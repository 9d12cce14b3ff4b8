import { currentFramework, type DB, systemReportedCounts, trustLevels } from "@realise/db";
import { heatmapFunctionalities, levelMatrix, sortHeatmapTrusts } from "@realise/domain";
import type { Kysely } from "kysely";
import type { NationalHeatmapInput } from "../../contracts/national.js";
import { today } from "../clock.js";
import { versioned } from "../versioned.js";

export interface HeatmapTrust {
  odsCode: string;
  name: string;
  trustType: string;
  region: string;
  icbName: string | null;
  eprSupplier: string | null;
  attainedTier: number;
  progressToNext: number | null;
}

export interface NationalHeatmap {
  frameworkVersion: number;
  functionalities: { code: string; name: string; tier: number }[];
  trusts: (HeatmapTrust & {
    /** How many of the trust's records its own systems reported (FHIR MeasureReports), not staff. */
    systemReported: number;
  })[];
  /** Records in view whose figures the trusts' own systems reported, and trusts with at least one. */
  systemReported: { records: number; trusts: number };
  /**
   * Row-major matrix, one row per trust and one column per functionality: the adoption level 0..5,
   * or -1 where the functionality does not apply to the trust's type.
   */
  levels: number[];
}

/**
 * Trusts × functionalities by level, as a compact matrix for a heatmap or a table: columns of one tier if
 * `tier` is given, rows of trusts at one attained tier if `trustTier` is, in the `sort` order (name by default).
 */
export async function nationalHeatmap(
  db: Kysely<DB>,
  input: NationalHeatmapInput = {},
): Promise<NationalHeatmap> {
  return versioned(db, `national.heatmap|${today()}|${JSON.stringify(input)}`, () =>
    computeHeatmap(db, input),
  );
}

async function computeHeatmap(db: Kysely<DB>, input: NationalHeatmapInput): Promise<NationalHeatmap> {
  const framework = await currentFramework(db);
  const functionalities = heatmapFunctionalities(framework, input.tier);
  const { tier: _tier, trustTier, sort, ...filter } = input;
  const [all, reported] = await Promise.all([trustLevels(db, filter), systemReportedCounts(db)]);
  const rows = sortHeatmapTrusts(
    trustTier === undefined ? all : all.filter((t) => t.attainedTier === trustTier),
    sort,
  );
  const trusts = rows.map(({ levels: _levels, ...t }) => ({
    ...t,
    systemReported: reported.get(t.odsCode) ?? 0,
  }));
  return {
    frameworkVersion: framework.version,
    functionalities: functionalities.map((f) => ({ code: f.code, name: f.name, tier: f.tier })),
    trusts,
    systemReported: {
      records: trusts.reduce((n, t) => n + t.systemReported, 0),
      trusts: trusts.filter((t) => t.systemReported > 0).length,
    },
    levels: levelMatrix(functionalities, rows),
  };
}
