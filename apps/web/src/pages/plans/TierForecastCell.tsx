import type { RouterOutputs } from "@realise/api";
import { formatDate } from "@realise/ui";

type TierRow = RouterOutputs["plans"]["forecast"]["tiers"][number];

/** When the plan reaches a tier, or, when it does not, what is still missing once every item is met. */
export function TierForecastCell({ tier }: { tier: TierRow }) {
  if (tier.attainedNow) return <>Attained now</>;
  if (tier.forecastDate) return <>{formatDate(tier.forecastDate)}</>;
  return (
    <>
      Not reached by the plan.
      {tier.missing.length > 0 && (
        <>
          {" "}
          Still missing:
          <ul className="nhsuk-body-s nhsuk-u-margin-bottom-0">
            {tier.missing.map((m) => {
              const names = m.functionalities.map((f) => `${f.code} ${f.name} (planned L${f.plannedLevel})`);
              const key = `${m.tier}-${m.kind}-${m.functionalities.map((f) => f.code).join()}`;
              const from = m.tier < tier.tier ? ` (tier ${m.tier})` : "";
              return (
                <li key={key}>
                  {m.stillNeeded >= names.length
                    ? `${names.join(", ")} at L${m.requiredLevel} or above${from}`
                    : `${m.stillNeeded} more of ${names.join(", ")} at L${m.requiredLevel} or above${from}`}
                  {m.kind === "menu" ? " (menu criterion)" : " (mandatory)"}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
