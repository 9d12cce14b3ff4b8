import { listQuarters, periodOf, previousPeriod } from "@realise/domain";
import { Empty, FormErrorSummary, Loading, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, InsetText, Select, Table, WarningCallout } from "nhsuk-react-components";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useIsNationalAdmin } from "../../session";
import { formatDate } from "@realise/ui";
import { ViewError } from "../national/ViewError";
import { FreezeConfirmation } from "./FreezeConfirmation";
import { SnapshotFigures } from "./SnapshotFigures";

/** The last eight quarters and the last two years, newest first: the periods a snapshot is usually taken for. */
function recentPeriods(today = new Date()) {
  const quarter = periodOf(today, "quarter");
  const quarters = listQuarters(previousPeriod(previousPeriod(periodOf(today, "year"))), quarter)
    .reverse()
    .slice(0, 8);
  const year = periodOf(today, "year");
  return [...quarters, previousPeriod(year), year];
}

/**
 * Official figures by period: a published period's, or the provisional figures a freeze would publish
 * now, built from accepted returns only. The national admin freezes an ended period after a
 * confirmation step that shows the return counts.
 */
export default function SnapshotsPage() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const isAdmin = useIsNationalAdmin();
  const [params, setParams] = useSearchParams();
  const list = useQuery(trpc.snapshots.list.queryOptions());
  const periods = recentPeriods();
  const period = params.get("period") ?? periods[1] ?? periods[0]!;
  const existing = list.data?.find((s) => s.period === period);
  const preview = useQuery({ ...trpc.snapshots.preview.queryOptions({ period }), enabled: !existing });
  const frozen = useQuery({ ...trpc.snapshots.detail.queryOptions({ period }), enabled: !!existing });
  const [confirming, setConfirming] = useState(false);
  // contract: snapshots.freeze; the period is the one chosen above and the accepted count the one the
  // confirmation showed, so nothing is typed to check.
  const form = useSchemaForm({ defaultValues: {} });
  const freeze = useMutation(
    trpc.snapshots.freeze.mutationOptions({
      onError: (error) => {
        // The counts moved since the confirmation was drawn: say so and show the new ones.
        form.reject(null, error.message);
        if (error.data?.code === "CONFLICT") void preview.refetch();
      },
      onSuccess: async () => {
        setConfirming(false);
        await client.invalidateQueries({ queryKey: trpc.snapshots.pathKey() });
        await client.invalidateQueries({ queryKey: trpc.national.pathKey() });
      },
    }),
  );
  const choose = (value: string) => {
    freeze.reset();
    setConfirming(false);
    setParams(value ? { period: value } : {});
  };

  return (
    <>
      <FormErrorSummary {...form.summary} />
      <h1>Official figures</h1>
      <p className="nhsuk-lede-text">
        Official figures are frozen for a period once it has ended, only from the trusts' accepted returns.
        Once published they never change and are served as open data.
      </p>
      <Select id="period" label="Period" value={period} onChange={(e) => choose(e.currentTarget.value)}>
        {[...new Set([...periods, ...(list.data ?? []).map((s) => s.period)])].map((p) => (
          <Select.Option key={p} value={p}>
            {p}
            {list.data?.some((s) => s.period === p) ? " (published)" : ""}
          </Select.Option>
        ))}
      </Select>

      {freeze.isSuccess && (
        <InsetText>
          <p role="status">The official figures for {freeze.data.period} are published.</p>
        </InsetText>
      )}
      {list.isPending ? (
        <Loading what="the figures" />
      ) : existing ? (
        <>
          <h2>Official figures for {period}</h2>
          <InsetText>
            <p>
              Published on {formatDate(new Date(existing.publishedAt ?? existing.frozenAt))} by{" "}
              {existing.frozenBy ?? "unknown"}. These figures cannot be changed.{" "}
              <a href={`/api/v1/snapshots/${period.replace("/", "-").replace(" ", "-")}/adoption.csv`}>
                Download as CSV<span className="nhsuk-u-visually-hidden"> ({period})</span>
              </a>
            </p>
          </InsetText>
          {frozen.isPending ? (
            <Loading what="the figures" />
          ) : frozen.error ? (
            <ViewError error={frozen.error} />
          ) : (
            <SnapshotFigures figures={frozen.data} />
          )}
        </>
      ) : (
        <>
          <h2>Provisional figures for {period}</h2>
          {preview.isPending ? (
            <Loading what="the provisional figures" />
          ) : preview.error ? (
            <ViewError error={preview.error} />
          ) : (
            <>
              <WarningCallout>
                <WarningCallout.Heading>Provisional</WarningCallout.Heading>
                <p>
                  What freezing {period} would publish today, from the returns accepted so far. Nothing is
                  published until the period is frozen.
                </p>
              </WarningCallout>
              {preview.data.freezeRefusal && (
                <InsetText>
                  <p>{preview.data.freezeRefusal}.</p>
                </InsetText>
              )}
              <SnapshotFigures figures={preview.data} />
              {isAdmin &&
                !preview.data.freezeRefusal &&
                (confirming ? (
                  <FreezeConfirmation
                    period={period}
                    returnCounts={preview.data.returnCounts}
                    busy={freeze.isPending || preview.isFetching}
                    onFreeze={(expectedAccepted) =>
                      // Through the form, so the last attempt's message is cleared first.
                      void form.onSubmit(() => freeze.mutate({ period, expectedAccepted }))()
                    }
                    onCancel={() => setConfirming(false)}
                  />
                ) : (
                  <Button type="button" onClick={() => setConfirming(true)}>
                    Check and freeze {period}
                  </Button>
                ))}
            </>
          )}
        </>
      )}

      <h2>Published periods</h2>
      {list.isPending ? (
        <Loading what="published periods" />
      ) : list.error ? (
        <ViewError error={list.error} />
      ) : list.data.length === 0 ? (
        <Empty>No period has been frozen yet.</Empty>
      ) : (
        <Table caption="Periods with official figures, newest first">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Period</Table.Cell>
              <Table.Cell>State</Table.Cell>
              <Table.Cell format="numeric">Trusts with figures</Table.Cell>
              <Table.Cell>Frozen</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[...list.data]
              .sort((a, b) => b.period.localeCompare(a.period))
              .map((s) => (
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
                    {formatDate(new Date(s.frozenAt))} by {s.frozenBy ?? "unknown"}
                  </Table.Cell>
                </Table.Row>
              ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
