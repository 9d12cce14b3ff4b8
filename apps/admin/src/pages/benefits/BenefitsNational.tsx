import type { RouterOutputs } from "@realise/api";
import { BENEFIT_CLASS_LABELS, MILESTONE_STATUS_LABELS } from "@realise/domain";
import { BarChart, LoadError, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { SummaryList, Table } from "nhsuk-react-components";
import { MilestoneStatusTag } from "../../MilestoneStatusTag";
import { CsvLink } from "../national/CsvLink";

type RollUpRow = RouterOutputs["benefits"]["national"]["byRegion"][number];
type Milestone = RouterOutputs["plans"]["national"]["milestones"][number];
type GroupRow = Milestone["byRegion"][number];

const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const formatGbp = (v: number) => gbp.format(v);
const share = (v: number) => `${Math.round(v * 100)}%`;
const CLASS_LABELS: Record<string, string> = BENEFIT_CLASS_LABELS;

function RollUpTable({
  caption,
  heading,
  rows,
  by,
}: {
  caption: string;
  heading: string;
  rows: RollUpRow[];
  /** The grouping's name in the CSV download's `by`. */
  by: string;
}) {
  return (
    <>
      <Table caption={caption} responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>{heading}</Table.Cell>
            <Table.Cell format="numeric">Trusts tracking</Table.Cell>
            <Table.Cell format="numeric">Lines</Table.Cell>
            <Table.Cell format="numeric">Expected a year</Table.Cell>
            <Table.Cell format="numeric">Realised</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.key}>
              <Table.Cell>{CLASS_LABELS[r.label] ?? r.label}</Table.Cell>
              <Table.Cell format="numeric">{r.trusts}</Table.Cell>
              <Table.Cell format="numeric">{r.lines}</Table.Cell>
              <Table.Cell format="numeric">{formatGbp(r.expectedGbp)}</Table.Cell>
              <Table.Cell format="numeric">{formatGbp(r.realisedGbp)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <CsvLink table="benefits" what={caption.toLowerCase()} extra={{ by }} />
    </>
  );
}

function GroupTable({
  caption,
  heading,
  rows,
  milestoneId,
  by,
}: {
  caption: string;
  heading: string;
  rows: GroupRow[];
  milestoneId: string;
  /** The grouping's name in the CSV download's `by`. */
  by: "region" | "icb";
}) {
  return (
    <>
      <Table caption={caption} responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>{heading}</Table.Cell>
            <Table.Cell format="numeric">Trusts</Table.Cell>
            <Table.Cell format="numeric">Met now</Table.Cell>
            <Table.Cell format="numeric">Forecast by the date</Table.Cell>
            <Table.Cell format="numeric">Share forecast</Table.Cell>
            <Table.Cell>Status</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.key}>
              <Table.Cell>{r.label}</Table.Cell>
              <Table.Cell format="numeric">{r.eligible}</Table.Cell>
              <Table.Cell format="numeric">{r.metNow}</Table.Cell>
              <Table.Cell format="numeric">{r.metByTarget}</Table.Cell>
              <Table.Cell format="numeric">{share(r.shareByTarget)}</Table.Cell>
              <Table.Cell>{MILESTONE_STATUS_LABELS[r.status]}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <CsvLink table="milestone-groups" what={caption} extra={{ by, milestone: milestoneId }} />
    </>
  );
}

function MilestoneSection({ m, index }: { m: Milestone; index: number }) {
  return (
    <section aria-labelledby={`h-m-${index}`}>
      <h3 id={`h-m-${index}`}>{m.title}</h3>
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>Status</SummaryList.Key>
          <SummaryList.Value>
            <MilestoneStatusTag status={m.status} />
            {m.forecastDate && ` Required share forecast for ${m.forecastDate}`}
            {m.slippageDays !== null &&
              m.slippageDays > 0 &&
              `, ${m.slippageDays} days after ${m.targetDate}`}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Trusts</SummaryList.Key>
          <SummaryList.Value>
            {m.metNow} of {m.eligible} meet it now ({share(m.shareNow)}); {m.metByTarget} (
            {share(m.shareByTarget)}) forecast by {m.targetDate}, against {share(m.requiredShare)} required
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      <GroupTable
        caption={`${m.title}: by region`}
        heading="Region"
        rows={m.byRegion}
        milestoneId={m.milestoneId}
        by="region"
      />
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">By ICB ({m.byIcb.length})</span>
        </summary>
        <div className="nhsuk-details__text">
          <GroupTable
            caption={`${m.title}: by ICB`}
            heading="ICB"
            rows={m.byIcb}
            milestoneId={m.milestoneId}
            by="icb"
          />
        </div>
      </details>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Trusts at risk ({m.atRisk.length})</span>
        </summary>
        <div className="nhsuk-details__text">
          <Table caption={`${m.title}: trusts not forecast to meet it by ${m.targetDate}`} responsive>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Trust</Table.Cell>
                <Table.Cell>Region</Table.Cell>
                <Table.Cell>ICB</Table.Cell>
                <Table.Cell>Forecast</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {m.atRisk.map((t) => (
                <Table.Row key={t.odsCode}>
                  <Table.Cell>
                    {t.name} ({t.odsCode})
                  </Table.Cell>
                  <Table.Cell>{t.region}</Table.Cell>
                  <Table.Cell>{t.icbName ?? "Not known"}</Table.Cell>
                  <Table.Cell>
                    {t.forecastDate === null
                      ? "Not reached by its plan"
                      : `${t.forecastDate} (${t.slippageDays} days late)`}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <CsvLink
            table="milestones-at-risk"
            what={`${m.title}: trusts at risk, with their forecast`}
            extra={{ milestone: m.milestoneId }}
          />
        </div>
      </details>
    </section>
  );
}

/** Benefits across trusts (double counting removed) and plans against the national roadmap. */
export default function BenefitsNational() {
  const trpc = useTRPC();
  const benefits = useQuery(trpc.benefits.national.queryOptions());
  const plans = useQuery(trpc.plans.national.queryOptions());
  if (benefits.isPending) return <Loading what="benefits across trusts" />;
  if (benefits.error) return <LoadError error={benefits.error} />;
  const b = benefits.data;
  const types = b.byType.filter((r) => r.lines > 0);
  return (
    <>
      <h1>Benefits and plans</h1>
      <p className="nhsuk-lede-text">
        What trusts' EPRs bring, from their benefits registers, and whether their plans meet the national
        roadmap. Lines that claim the same saving in one trust (a double-count group) are counted once.
      </p>
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>Expected full-year value</SummaryList.Key>
          <SummaryList.Value data-testid="national-expected">
            {formatGbp(b.totals.expectedGbp)}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Realised so far</SummaryList.Key>
          <SummaryList.Value data-testid="national-realised">
            {formatGbp(b.totals.realisedGbp)}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Register lines</SummaryList.Key>
          <SummaryList.Value data-testid="national-lines">
            {b.totals.lines}, from {b.totals.trustsTracking} of {b.totals.trusts} trusts;{" "}
            {b.totals.excludedLines} left out as double counting
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>

      <section aria-labelledby="h-type">
        <h2 id="h-type">By benefit type</h2>
        <BarChart
          title="Expected and realised value by benefit type"
          categories={types.map((r) => r.label)}
          series={[
            { name: "Expected a year (£)", values: types.map((r) => Math.round(r.expectedGbp)) },
            { name: "Realised (£)", values: types.map((r) => Math.round(r.realisedGbp)) },
          ]}
          horizontal
          height={34 * types.length + 100}
        />
        <Table caption="Benefit types: trusts tracking each, and value" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Benefit type</Table.Cell>
              <Table.Cell>Class</Table.Cell>
              <Table.Cell format="numeric">Trusts tracking</Table.Cell>
              <Table.Cell format="numeric">Lines</Table.Cell>
              <Table.Cell format="numeric">Expected a year</Table.Cell>
              <Table.Cell format="numeric">Realised</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {b.byType.map((r) => (
              <Table.Row key={r.key}>
                <Table.Cell>
                  {r.label}
                  {r.isDisbenefit && " (dis-benefit)"}
                </Table.Cell>
                <Table.Cell>
                  {r.benefitClass ? (CLASS_LABELS[r.benefitClass] ?? r.benefitClass) : "–"}
                </Table.Cell>
                <Table.Cell format="numeric">{r.trusts}</Table.Cell>
                <Table.Cell format="numeric">{r.lines}</Table.Cell>
                <Table.Cell format="numeric">{formatGbp(r.expectedGbp)}</Table.Cell>
                <Table.Cell format="numeric">{formatGbp(r.realisedGbp)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <CsvLink table="benefits" what="benefits by type" extra={{ by: "type" }} />
      </section>
      <section aria-labelledby="h-class">
        <h2 id="h-class">By Green Book class</h2>
        <RollUpTable caption="Benefits by class" heading="Class" rows={b.byClass} by="class" />
      </section>
      <section aria-labelledby="h-region">
        <h2 id="h-region">By region, ICB and supplier</h2>
        <RollUpTable caption="Benefits by region" heading="Region" rows={b.byRegion} by="region" />
        <RollUpTable
          caption="Benefits by EPR supplier"
          heading="EPR supplier"
          rows={b.bySupplier}
          by="supplier"
        />
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">By ICB ({b.byIcb.length})</span>
          </summary>
          <div className="nhsuk-details__text">
            <RollUpTable caption="Benefits by ICB" heading="ICB" rows={b.byIcb} by="icb" />
          </div>
        </details>
      </section>

      <section aria-labelledby="h-plans">
        <h2 id="h-plans">Plans against the national roadmap</h2>
        {plans.isPending && <Loading what="plans against the roadmap" />}
        {plans.error && <LoadError error={plans.error} />}
        {plans.data && (
          <>
            <p>
              {plans.data.trustsWithPlan} of {plans.data.trusts} trusts have a plan, with{" "}
              {plans.data.planItems} items; {plans.data.overdueItems} items are past their date without the
              level reached. Forecasts assume every plan item is met on its date.
            </p>
            {plans.data.milestones.map((m, i) => (
              <MilestoneSection key={m.milestoneId} m={m} index={i} />
            ))}
          </>
        )}
      </section>
    </>
  );
}
