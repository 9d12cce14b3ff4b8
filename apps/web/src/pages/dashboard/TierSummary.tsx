import type { Gap } from "@realise/domain";
import { Link } from "react-router";
import type { DashboardData } from "../../types";
import { tierCounts } from "./TierCriteria";

/** The attained tier, progress to the next, and what the next tier still needs, each linking to its form. */
export function TierSummary({ data, odsCode }: { data: DashboardData; odsCode: string }) {
  const a = data.assessment;
  const attained = data.framework.tiers.find((t) => t.number === a.attainedTier);
  const next = a.nextTier === null ? undefined : a.tiers.find((t) => t.tier === a.nextTier);
  const progress = Math.round(a.progressToNext * 100);
  const mandatory = a.nextTierNeeds.filter((g) => g.kind === "mandatory");
  const menus = groupMenus(a.nextTierNeeds.filter((g) => g.kind === "menu"));
  const nextExplained = data.tierExplanation.find((t) => t.tier === a.nextTier);
  const formOf = (code: string) => `/trusts/${odsCode}/functionalities/${code}`;

  return (
    <section aria-labelledby="tier-heading">
      <h2 id="tier-heading">
        {a.attainedTier === 0 ? "No tier attained yet" : `Attained tier ${a.attainedTier}`}
        {attained ? `: ${attained.name}` : ""}
      </h2>
      {next ? (
        <>
          <label className="nhsuk-label" htmlFor="progress-to-next">
            Progress to tier {next.tier}, {next.name}: {progress}%
          </label>
          <progress id="progress-to-next" className="realise-progress" max={100} value={progress}>
            {progress}%
          </progress>
          {nextExplained && (
            <p>
              Tier {next.tier}: {tierCounts(nextExplained).replace(/^Criteria met/, "criteria met")}
            </p>
          )}
          <h2 id="needs-heading">What tier {next.tier} needs</h2>
          {a.nextTierNeeds.length === 0 ? (
            <p>Nothing more: tier {next.tier} waits only on the tiers below it.</p>
          ) : (
            <ul aria-labelledby="needs-heading" className="realise-gaps">
              {mandatory.map((g) => (
                <li key={g.criterionId}>
                  <Link to={formOf(g.functionalityCode)}>{g.text}</Link>
                </li>
              ))}
              {menus.map((m) => (
                <li key={m.id}>
                  Any {m.stillNeeded} more of these (a menu):
                  <ul>
                    {m.gaps.map((g) => (
                      <li key={g.functionalityCode}>
                        <Link to={formOf(g.functionalityCode)}>{g.text}</Link>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>Your trust has attained the top tier of the route map. Keep its records up to date.</p>
      )}
    </section>
  );
}

function groupMenus(gaps: Gap[]) {
  const byId = new Map<string, { id: string; stillNeeded: number; gaps: Gap[] }>();
  for (const g of gaps) {
    const menu = byId.get(g.criterionId) ?? {
      id: g.criterionId,
      stillNeeded: g.menuStillNeeded ?? 1,
      gaps: [],
    };
    menu.gaps.push(g);
    byId.set(g.criterionId, menu);
  }
  return [...byId.values()];
}
