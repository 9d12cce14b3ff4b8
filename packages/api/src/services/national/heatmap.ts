import { currentFramework, type DB, trustLevels } from "@realise/db";
import { heatmapFunctionalities, levelMatrix } from "@realise/domain";
import type { Kysely } from "kysely";
import type { NationalHeatmapInput } from "../../contracts/national.js";

export interface NationalHeatmap {
  frameworkVersion: number;
  functionalities: { code: string; name: string; tier: number }[];
  trusts: { odsCode: string; name: string; trustType: string; attainedTier: number }[];
  /**
   * Row-major matrix, one row per trust and one column per functionality: the adoption level 0..5,
   * or -1 where the functionality does not apply to the trust's type.
   */
  levels: number[];
}

/** Trusts × functionalities by level, as a compact matrix for a heatmap or a table. */
export async function nationalHeatmap(
  db: Kysely<DB>,
  input: NationalHeatmapInput = {},
): Promise<NationalHeatmap> {
  const framework = await currentFramework(db);
  const functionalities = heatmapFunctionalities(framework, input.tier);
  const { tier: _tier, ...filter } = input;
  const rows = await trustLevels(db, filter);
  return {
    frameworkVersion: framework.version,
    functionalities: functionalities.map((f) => ({ code: f.code, name: f.name, tier: f.tier })),
    trusts: rows.map(({ levels: _levels, ...t }) => t),
    levels: levelMatrix(functionalities, rows),
  };
}
