import { EPR_STATUS_LABELS, Empty, label, TRUST_TYPE_LABELS } from "@realise/ui";
import { SummaryList, Table, Tag } from "nhsuk-react-components";
import { CountTable } from "../CountTable";

/** What a snapshot holds, or a provisional preview would hold (the server's `SnapshotFigures`). */
export interface Figures {
  period: string;
  status: "provisional" | "preview" | "published";
  frameworkVersion: number;
  trusts: number;
  adoptionRecords: number;
  validatedRecords: number;
  tierCounts: number[];
  eprStatus: { status: string; count: number }[];
  byTrustType: { trustType: string; trusts: number; tierCounts: number[] }[];
  returns: { status: string; count: number }[];
}

const RETURN_STATUS_TEXT: Record<string, string> = {
  accepted: "accepted",
  submitted: "submitted, not yet reviewed",
  returned: "sent back",
  missing: "missing",
  unlocked: "unlocked",
  withdrawn: "withdrawn",
};

/** The figures as tables: trusts by tier, by EPR status and by trust type. */
export function SnapshotFigures({ figures }: { figures: Figures }) {
  const { period } = figures;
  const published = figures.status === "published";
  return (
    <>
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>State</SummaryList.Key>
          <SummaryList.Value>
            <Tag modifier={published ? "green" : "yellow"}>{published ? "Official" : "Provisional"}</Tag>
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Trusts with figures</SummaryList.Key>
          <SummaryList.Value>{figures.trusts}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Adoption records</SummaryList.Key>
          <SummaryList.Value>
            {figures.adoptionRecords} ({figures.validatedRecords} validated)
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Framework version</SummaryList.Key>
          <SummaryList.Value>{figures.frameworkVersion}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Returns for {period}</SummaryList.Key>
          <SummaryList.Value>
            {figures.returns.length === 0
              ? "None"
              : figures.returns
                  .map((r) => `${r.count} ${RETURN_STATUS_TEXT[r.status] ?? r.status}`)
                  .join(", ")}
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      <CountTable
        caption={`Trusts by attained tier, ${period}`}
        heading="Attained tier"
        rows={figures.tierCounts.map((count, n) => ({ label: n === 0 ? "No tier yet" : `Tier ${n}`, count }))}
      />
      <CountTable
        caption={`Trusts by EPR status, ${period}`}
        heading="EPR status"
        rows={figures.eprStatus.map((s) => ({ label: label(EPR_STATUS_LABELS, s.status), count: s.count }))}
      />
      {figures.byTrustType.length === 0 ? (
        <Empty>No trust has figures for {period}: none has an accepted return.</Empty>
      ) : (
        <Table caption={`Trusts per tier by trust type, ${period}`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Trust type</Table.Cell>
              <Table.Cell format="numeric">Trusts</Table.Cell>
              {figures.tierCounts.map((_, n) => (
                <Table.Cell key={n} format="numeric">
                  {n === 0 ? "No tier" : `Tier ${n}`}
                </Table.Cell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {figures.byTrustType.map((t) => (
              <Table.Row key={t.trustType}>
                <Table.Cell>{label(TRUST_TYPE_LABELS, t.trustType)}</Table.Cell>
                <Table.Cell format="numeric">{t.trusts}</Table.Cell>
                {t.tierCounts.map((c, n) => (
                  <Table.Cell key={n} format="numeric">
                    {c}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
