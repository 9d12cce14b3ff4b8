import { LEVEL_LABELS } from "@realise/ui";
import { Table, Tag } from "nhsuk-react-components";
import { useState } from "react";
import { Link } from "react-router";
import type { DashboardData } from "../../types";

type TierExplanation = DashboardData["tierExplanation"][number];
type Criterion = TierExplanation["criteria"][number];

/** A tier's counts in words that match what the trust sees: its own criteria apart from the carried ones. */
export function tierCounts(t: TierExplanation): string {
  const parts = [`${t.own.mandatoryMet} of ${t.own.mandatoryTotal} mandatory functionalities of this tier`];
  if (t.own.menuRequired > 0) parts.push(`${t.own.menuMet} of ${t.own.menuRequired} from the menu`);
  if (t.carried.total > 0) parts.push(`${t.carried.met} of ${t.carried.total} carried from lower tiers`);
  return `Criteria met: ${parts.join("; ")}.`;
}

/**
 * Every criterion of one tier, its own and those carried from lower tiers: mandatory or a menu (k of m), the
 * level each needs, met or not, and what is missing for each unmet one, linking to the functionality's form.
 */
export function TierCriteria({
  tier,
  odsCode,
  open = false,
}: {
  tier: TierExplanation;
  odsCode: string;
  open?: boolean;
}) {
  // The table is drawn when the reader opens it, so the dashboard stays light with five tiers.
  const [shown, setShown] = useState(open);
  if (tier.criteria.length === 0) return null;
  const formOf = (code: string) => `/trusts/${odsCode}/functionalities/${code}`;
  return (
    <details
      className="nhsuk-details"
      open={open}
      data-tier={tier.tier}
      onToggle={(e) => setShown(e.currentTarget.open)}
    >
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Every criterion of tier {tier.tier}, met or not</span>
      </summary>
      <div className="nhsuk-details__text">
        {shown && (
          <Table caption={`Tier ${tier.tier} criteria`} responsive>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Criterion</Table.Cell>
                <Table.Cell>Kind</Table.Cell>
                <Table.Cell>Level needed</Table.Cell>
                <Table.Cell>Status</Table.Cell>
                <Table.Cell>What is missing</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {tier.criteria.map((c) => (
                <Table.Row key={c.criterionId}>
                  <Table.Cell>
                    <CriterionName criterion={c} />
                  </Table.Cell>
                  <Table.Cell>
                    {c.kind === "mandatory" ? "Mandatory" : `Menu: any ${c.k} of ${c.m}`}
                    {c.carried ? ` (carried from tier ${c.fromTier})` : ""}
                  </Table.Cell>
                  <Table.Cell>{LEVEL_LABELS[c.requiredLevel]}</Table.Cell>
                  <Table.Cell>
                    {c.met ? <Tag modifier="green">Met</Tag> : <Tag modifier="grey">Not met</Tag>}
                    {c.kind === "menu" ? ` ${c.metUnits} of ${c.required}` : ""}
                  </Table.Cell>
                  <Table.Cell>
                    {c.met ? (
                      "Nothing"
                    ) : (
                      <ul className="nhsuk-list">
                        {c.options.flatMap((o) =>
                          o.gap ? (
                            <li key={o.code}>
                              <Link to={formOf(o.code)}>{o.gap.text}</Link>
                            </li>
                          ) : (
                            []
                          ),
                        )}
                      </ul>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
    </details>
  );
}

function CriterionName({ criterion }: { criterion: Criterion }) {
  if (criterion.kind === "mandatory") {
    const o = criterion.options[0];
    return o ? (
      <>
        {o.name} ({o.code})
      </>
    ) : (
      <>{criterion.criterionId}</>
    );
  }
  return (
    <>
      {criterion.description ?? "A menu"}:
      <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
        {criterion.options.map((o) => (
          <li key={o.code}>
            {o.name} ({o.code}): {o.meets ? "met" : LEVEL_LABELS[o.level]}
          </li>
        ))}
      </ul>
    </>
  );
}
