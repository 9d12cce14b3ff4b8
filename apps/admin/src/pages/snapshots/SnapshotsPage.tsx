import { listQuarters, periodOf, previousPeriod } from "@realise/domain";
import {
  EPR_STATUS_LABELS,
  Empty,
  FormErrorSummary,
  Loading,
  label,
  TRUST_TYPE_LABELS,
  useSchemaForm,
  useTRPC,
} from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, InsetText, Select, SummaryList, Table, Tag, WarningCallout } from "nhsuk-react-components";
import { useSearchParams } from "react-router";
import { CountTable } from "../CountTable";
import { ViewError } from "../national/ViewError";

/** The last eight quarters and the last two years, newest first: the periods a snapshot is usually taken for. */
function recentPeriods(today = new Date()) {
  const quarter = periodOf(today, "quarter");
  const quarters = listQuarters(previousPeriod(previousPeriod(periodOf(today, "year"))), quarter)
    .reverse()
    .slice(0, 8);
  const year = periodOf(today, "year");
  return [...quarters, previousPeriod(year), year];
}

/** Preview a period's figures, then freeze and publish them; published snapshots never change. */
export default function SnapshotsPage() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const list = useQuery(trpc.snapshots.list.queryOptions());
  const periods = recentPeriods();
  const period = params.get("period") ?? periods[1] ?? periods[0]!;
  const existing = list.data?.find((s) => s.period === period);
  const preview = useQuery({
    ...trpc.snapshots.preview.queryOptions({ period }),
    enabled: !existing,
  });
  const frozen = useQuery({ ...trpc.snapshots.detail.queryOptions({ period }), enabled: !!existing });
  // contract: snapshots.freeze; the period is the one chosen above, so nothing is typed to check.
  const form = useSchemaForm({ defaultValues: {} });
  const freeze = useMutation(
    trpc.snapshots.freeze.mutationOptions({
      onError: form.failed,
      onSuccess: async () => {
        await client.invalidateQueries({ queryKey: trpc.snapshots.pathKey() });
        await client.invalidateQueries({ queryKey: trpc.national.pathKey() });
      },
    }),
  );
  const figures = existing ? frozen : preview;
  const choose = (value: string) => {
    freeze.reset();
    setParams(value ? { period: value } : {});
  };

  return (
    <>
      {freeze.error && <FormErrorSummary {...form.summary} />}
      <h1>Snapshots</h1>
      <p className="nhsuk-lede-text">
        A snapshot freezes every trust's tier, EPR status and adoption levels for an official period. Once
        published, its figures never change and are served as open data.
      </p>
      <Select id="period" label="Period" value={period} onChange={(e) => choose(e.currentTarget.value)}>
        {[...new Set([...periods, ...(list.data ?? []).map((s) => s.period)])].map((p) => (
          <Select.Option key={p} value={p}>
            {p}
            {list.data?.some((s) => s.period === p) ? " (published)" : ""}
          </Select.Option>
        ))}
      </Select>

      <h2>{existing ? `Published snapshot for ${period}` : `Preview of ${period}`}</h2>
      {existing ? (
        <InsetText>
          <p>
            Published on {new Date(existing.publishedAt ?? existing.frozenAt).toLocaleString("en-GB")} by{" "}
            {existing.frozenBy ?? "unknown"}. These figures cannot be changed.{" "}
            <a href={`/api/v1/snapshots/${period.replace("/", "-").replace(" ", "-")}/adoption.csv`}>
              Download as CSV
            </a>
          </p>
        </InsetText>
      ) : (
        <WarningCallout>
          <WarningCallout.Heading>Provisional</WarningCallout.Heading>
          <p>
            These are today's figures: freezing stores exactly these numbers for {period} and publishes them.
            It cannot be undone.
          </p>
        </WarningCallout>
      )}
      {freeze.isSuccess && (
        <InsetText>
          <p role="status">The snapshot for {freeze.data.period} is published.</p>
        </InsetText>
      )}
      {figures.isPending ? (
        <Loading what="the figures" />
      ) : figures.error ? (
        <ViewError error={figures.error} />
      ) : (
        <>
          <SummaryList>
            <SummaryList.Row>
              <SummaryList.Key>State</SummaryList.Key>
              <SummaryList.Value>
                <Tag modifier={figures.data.status === "published" ? "green" : "yellow"}>
                  {figures.data.status === "published" ? "Published" : "Not frozen yet"}
                </Tag>
              </SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Trusts</SummaryList.Key>
              <SummaryList.Value>{figures.data.trusts}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Adoption records</SummaryList.Key>
              <SummaryList.Value>
                {figures.data.adoptionRecords} ({figures.data.validatedRecords} validated)
              </SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Framework version</SummaryList.Key>
              <SummaryList.Value>{figures.data.frameworkVersion}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Returns for {period}</SummaryList.Key>
              <SummaryList.Value>
                {figures.data.returns.length === 0
                  ? "None"
                  : figures.data.returns.map((r) => `${r.count} ${r.status}`).join(", ")}
              </SummaryList.Value>
            </SummaryList.Row>
          </SummaryList>
          <CountTable
            caption={`Trusts by attained tier, ${period}`}
            heading="Attained tier"
            rows={figures.data.tierCounts.map((count, n) => ({
              label: n === 0 ? "No tier yet" : `Tier ${n}`,
              count,
            }))}
          />
          <CountTable
            caption={`Trusts by EPR status, ${period}`}
            heading="EPR status"
            rows={figures.data.eprStatus.map((s) => ({
              label: label(EPR_STATUS_LABELS, s.status),
              count: s.count,
            }))}
          />
          <Table caption={`Trusts per tier by trust type, ${period}`}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Trust type</Table.Cell>
                <Table.Cell format="numeric">Trusts</Table.Cell>
                {figures.data.tierCounts.map((_, n) => (
                  <Table.Cell key={n} format="numeric">
                    {n === 0 ? "No tier" : `Tier ${n}`}
                  </Table.Cell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {figures.data.byTrustType.map((t) => (
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
          {!existing && (
            <form onSubmit={form.onSubmit(() => freeze.mutate({ period }))} noValidate>
              <Button type="submit" disabled={freeze.isPending}>
                Freeze and publish {period}
              </Button>
            </form>
          )}
        </>
      )}

      <h2>Published snapshots</h2>
      {list.isPending ? (
        <Loading what="snapshots" />
      ) : list.error ? (
        <ViewError error={list.error} />
      ) : list.data.length === 0 ? (
        <Empty>No period has been frozen yet.</Empty>
      ) : (
        <Table caption="Frozen periods, newest first">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Period</Table.Cell>
              <Table.Cell>State</Table.Cell>
              <Table.Cell format="numeric">Trusts</Table.Cell>
              <Table.Cell>Frozen</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.data.map((s) => (
              <Table.Row key={s.period}>
                <Table.Cell>
                  <a
                    href={`?period=${encodeURIComponent(s.period)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      choose(s.period);
                    }}
                  >
                    {s.period}
                  </a>
                </Table.Cell>
                <Table.Cell>{s.status === "published" ? "Published" : "Preview"}</Table.Cell>
                <Table.Cell format="numeric">{s.trusts}</Table.Cell>
                <Table.Cell>
                  {new Date(s.frozenAt).toLocaleString("en-GB")} by {s.frozenBy ?? "unknown"}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
