import type { Framework } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import { itemProgress } from "./progress.js";
import type { PlanItem, TierForecast } from "./schema.js";
import { type MilestoneTrust, milestoneInputs } from "./milestone-inputs.js";
import { type MilestoneSlippage, milestoneSlippage } from "./slippage.js";

/** What the national plans roll-up needs to know of a trust. */
export interface PlanRollUpTrust extends MilestoneTrust {
  name: string;
  trustType: TrustType | string;
  region: string;
  icbCode: string | null;
  icbName: string | null;
}

/** A milestone's forecast within one region or ICB. */
export type GroupSlippage = Omit<MilestoneSlippage, "trusts"> & { key: string; label: string };

/**
 * Plans against the roadmap: for each milestone, the share of trusts forecast to meet it, nationally, by
 * region and by ICB, and the trusts at risk of missing it (latest first); with how many plan items are
 * past their date without the level reached.
 *
 * Why: a region or ICB is shown only where the milestone has trusts it counts, weakest first, so the
 * national team sees where to help.
 */
export function nationalPlanRollUp(input: {
  framework: Pick<Framework, "milestones">;
  trusts: readonly PlanRollUpTrust[];
  /** Each trust's tier forecasts; a trust with none has no plan to reach any tier. */
  forecasts: ReadonlyMap<string, readonly TierForecast[]>;
  items: ReadonlyArray<
    Pick<PlanItem, "odsCode" | "functionalityCode" | "targetLevel" | "targetDate" | "status">
  >;
  /** Current level by `odsCode/functionalityCode`; a record never made is L0. */
  levels: ReadonlyMap<string, number>;
  today: string;
}) {
  const { framework, trusts, forecasts, items, levels, today } = input;
  const overdueItems = items.filter(
    (i) => itemProgress(i, levels.get(`${i.odsCode}/${i.functionalityCode}`) ?? 0, today).state === "overdue",
  ).length;
  const byOds = new Map(trusts.map((o) => [o.odsCode, o]));
  const milestones = framework.milestones.map((m) => {
    const inputs = milestoneInputs(m, trusts, forecasts);
    const group = (keyOf: (o: PlanRollUpTrust) => { key: string; label: string }): GroupSlippage[] => {
      const groups = new Map<string, { label: string; inputs: typeof inputs }>();
      for (const trustInput of inputs) {
        const k = keyOf(byOds.get(trustInput.odsCode)!);
        const g = groups.get(k.key) ?? { label: k.label, inputs: [] };
        g.inputs.push(trustInput);
        groups.set(k.key, g);
      }
      return [...groups.entries()]
        .map(([key, g]) => {
          const { trusts: _trusts, ...s } = milestoneSlippage(m, g.inputs, today);
          return { ...s, key, label: g.label };
        })
        .filter((g) => g.eligible > 0)
        .sort((a, b) => a.shareByTarget - b.shareByTarget || a.label.localeCompare(b.label));
    };
    const { trusts: nationTrusts, ...summary } = milestoneSlippage(m, inputs, today);
    return {
      ...summary,
      measure: m.measure,
      tier: m.tier ?? null,
      byRegion: group((o) => ({ key: o.region, label: o.region })),
      byIcb: group((o) => ({ key: o.icbCode ?? "", label: o.icbName ?? "Not known" })),
      atRisk: nationTrusts
        .filter((t) => t.late)
        .map((t) => {
          const o = byOds.get(t.odsCode)!;
          return {
            odsCode: t.odsCode,
            name: o.name,
            region: o.region,
            icbName: o.icbName,
            forecastDate: t.forecastDate,
            slippageDays: t.slippageDays,
          };
        })
        .sort(
          (a, b) =>
            (b.slippageDays ?? Number.MAX_SAFE_INTEGER) - (a.slippageDays ?? Number.MAX_SAFE_INTEGER) ||
            a.name.localeCompare(b.name),
        ),
    };
  });
  return {
    today,
    planItems: items.length,
    overdueItems,
    trustsWithPlan: new Set(items.map((i) => i.odsCode)).size,
    trusts: trusts.length,
    milestones,
  };
}
