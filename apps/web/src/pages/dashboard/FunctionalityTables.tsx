import { LEVEL_LABELS, label, VALIDATION_LABELS } from "@realise/ui";
import { Table, Tag, type TagProps } from "nhsuk-react-components";
import { Link } from "react-router";
import { pct } from "../../format";
import type { DashboardData } from "../../types";
import { ConfirmTier } from "./ConfirmTier";
import { TierCriteria, tierCounts } from "./TierCriteria";

const VALIDATION_COLOURS: Record<string, TagProps["modifier"]> = {
  self_assessed: "grey",
  evidence_attached: "blue",
  validated: "green",
  returned: "red",
  system_reported: "purple",
};

/** Every functionality that applies to the trust, grouped by tier, with its level and measures. */
export function FunctionalityTables({
  data,
  odsCode,
  canConfirm,
}: {
  data: DashboardData;
  odsCode: string;
  canConfirm: boolean;
}) {
  const records = new Map(data.records.map((r) => [r.functionalityCode, r]));
  const views = data.assessment.functionalities.filter((f) => f.applicable);
  return (
    <section aria-labelledby="functionalities-heading">
      <h2 id="functionalities-heading">Functionalities by tier</h2>
      <p className="nhsuk-body-s">
        <Link to="/help#criteria">How levels, tiers and criteria work</Link>
      </p>
      {views.length === 0 && <p>No functionality of this framework applies to this trust's type.</p>}
      {data.framework.tiers.map((tier) => {
        const rows = views.filter((f) => f.tier === tier.number);
        const status = data.assessment.tiers.find((t) => t.tier === tier.number);
        const explained = data.tierExplanation.find((t) => t.tier === tier.number);
        if (rows.length === 0) return null;
        return (
          <div key={tier.number} className="realise-tier">
            <h3>
              Tier {tier.number}: {tier.name}{" "}
              {status?.attained ? (
                <Tag modifier="green">Attained</Tag>
              ) : (
                <Tag modifier="grey">Not attained</Tag>
              )}
            </h3>
            {explained && <p>{tierCounts(explained)}</p>}
            {explained && (
              <TierCriteria
                tier={explained}
                odsCode={odsCode}
                open={tier.number === data.assessment.nextTier}
              />
            )}
            {canConfirm && (
              <ConfirmTier
                odsCode={odsCode}
                tier={tier.number}
                records={rows.filter((f) => records.has(f.code)).length}
              />
            )}
            <Table caption={`Tier ${tier.number} functionalities`} responsive>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Functionality</Table.Cell>
                  <Table.Cell>Level</Table.Cell>
                  <Table.Cell format="numeric">Coverage</Table.Cell>
                  <Table.Cell format="numeric">Usage</Table.Cell>
                  <Table.Cell>Paper retired</Table.Cell>
                  <Table.Cell format="numeric">Evidence</Table.Cell>
                  <Table.Cell>Validation</Table.Cell>
                  <Table.Cell>Claim</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map((f) => {
                  const record = records.get(f.code);
                  return (
                    <Table.Row key={f.code}>
                      <Table.Cell>
                        <Link to={`/trusts/${odsCode}/functionalities/${f.code}`}>{f.name}</Link>
                      </Table.Cell>
                      <Table.Cell>
                        {LEVEL_LABELS[f.level]}
                        {f.derivedLevel !== f.level ? ` (measures show L${f.derivedLevel})` : ""}
                      </Table.Cell>
                      <Table.Cell format="numeric">{pct(f.coveragePct)}</Table.Cell>
                      <Table.Cell format="numeric">{pct(f.usagePct)}</Table.Cell>
                      <Table.Cell>{record ? (f.paperRetired ? "Yes" : "No") : "–"}</Table.Cell>
                      <Table.Cell format="numeric">{record?.evidence.length ?? 0}</Table.Cell>
                      <Table.Cell>
                        {record ? (
                          <Tag modifier={VALIDATION_COLOURS[record.validationState] ?? "grey"}>
                            {label(VALIDATION_LABELS, record.validationState)}
                          </Tag>
                        ) : (
                          "Not recorded"
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        {f.claimFlag ? (
                          <Tag modifier="orange">Claims L{f.claimedLevel}: above measures</Tag>
                        ) : f.claimedLevel !== null ? (
                          `Claims L${f.claimedLevel}`
                        ) : (
                          "None"
                        )}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        );
      })}
    </section>
  );
}
