import { CollectionsOpenInput } from "@realise/api/contracts";
import { listQuarters, nextPeriod, periodOf } from "@realise/domain";
import { Empty, FormErrorSummary, Loading, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, InsetText, Select, Table, Tag, TextInput } from "nhsuk-react-components";
import { useState } from "react";
import { Link } from "react-router";
import { useIsNationalAdmin } from "../../session";
import { formatDate } from "@realise/ui";
import { periodSlug } from "../national/filters";
import { ViewError } from "../national/ViewError";

const PHASE: Record<string, { text: string; modifier: "grey" | "green" | "red" }> = {
  upcoming: { text: "Upcoming", modifier: "grey" },
  open: { text: "Open", modifier: "green" },
  overdue: { text: "Past due date", modifier: "red" },
};

/** "due in 3 days", "due today", "12 days past due". */
const dueIn = (days: number) =>
  days === 0
    ? "due today"
    : days > 0
      ? `due in ${days} day${days === 1 ? "" : "s"}`
      : `${-days} days past due`;

/** Quarters from this one to a year ahead: the ones a collection is opened for. */
function openableQuarters(today = new Date()) {
  const now = periodOf(today, "quarter");
  let last = now;
  for (let i = 0; i < 4; i += 1) last = nextPeriod(last);
  return listQuarters(now, last);
}

/** Every quarter opened for returns, and (national admin) a form to open the next one. */
export default function CollectionsPage() {
  const trpc = useTRPC();
  const collections = useQuery(trpc.collections.list.queryOptions());
  const isAdmin = useIsNationalAdmin();

  return (
    <>
      <h1>Collections</h1>
      <p className="nhsuk-lede-text">
        A collection opens a quarter for returns: from when trusts can submit, the date their return is due,
        and the framework version it is assessed against. Trusts can only submit a return for a quarter with a
        collection.
      </p>
      {isAdmin && collections.data && <OpenCollection taken={collections.data.map((c) => c.period)} />}
      <h2>Quarters opened for returns</h2>
      {collections.isPending ? (
        <Loading what="collections" />
      ) : collections.error ? (
        <ViewError error={collections.error} />
      ) : collections.data.length === 0 ? (
        <Empty>No quarter has been opened for returns yet.</Empty>
      ) : (
        <Table caption="Collections, with where each stands today">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Period</Table.Cell>
              <Table.Cell>Opens</Table.Cell>
              <Table.Cell>Due</Table.Cell>
              <Table.Cell format="numeric">Framework version</Table.Cell>
              <Table.Cell>Phase</Table.Cell>
              <Table.Cell>Trusts</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[...collections.data]
              .sort((a, b) => b.opensOn.localeCompare(a.opensOn))
              .map((c) => (
                <Table.Row key={c.period}>
                  <Table.Cell>{c.period}</Table.Cell>
                  <Table.Cell>{formatDate(c.opensOn)}</Table.Cell>
                  <Table.Cell>
                    {formatDate(c.dueOn)}
                    {c.phase !== "upcoming" && c.daysUntilDue >= -31 ? ` (${dueIn(c.daysUntilDue)})` : ""}
                  </Table.Cell>
                  <Table.Cell format="numeric">{c.frameworkVersion}</Table.Cell>
                  <Table.Cell>
                    <Tag modifier={PHASE[c.phase]?.modifier ?? "grey"}>{PHASE[c.phase]?.text ?? c.phase}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    <Link to={`/collections/${periodSlug(c.period)}`}>
                      Trusts' states<span className="nhsuk-u-visually-hidden"> for {c.period}</span>
                    </Link>
                  </Table.Cell>
                </Table.Row>
              ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}

/** The national admin opens a quarter; the server's field messages land on the fields. */
function OpenCollection({ taken }: { taken: string[] }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const form = useSchemaForm({
    schema: CollectionsOpenInput,
    defaultValues: { period: "", opensOn: "", dueOn: "" },
  });
  const [opened, setOpened] = useState<string | null>(null);
  const open = useMutation(
    trpc.collections.open.mutationOptions({
      onSuccess: async (collection) => {
        setOpened(`${collection.period} is open for returns, due on ${formatDate(collection.dueOn)}.`);
        form.form.reset({ period: "", opensOn: "", dueOn: "" });
        await client.invalidateQueries({ queryKey: trpc.collections.pathKey() });
      },
      onError: form.failed,
    }),
  );
  const quarters = openableQuarters().filter((q) => !taken.includes(q));

  return (
    <>
      <FormErrorSummary {...form.summary} />
      {opened && (
        <InsetText>
          <p role="status">{opened}</p>
        </InsetText>
      )}
      <h2>Open a quarter for returns</h2>
      <form
        onSubmit={form.onSubmit((values) => {
          setOpened(null);
          open.mutate(values);
        })}
        noValidate
      >
        <Select {...form.field("period")} label="Quarter">
          <Select.Option value="">Choose a quarter</Select.Option>
          {quarters.map((q) => (
            <Select.Option key={q} value={q}>
              {q}
            </Select.Option>
          ))}
        </Select>
        <TextInput
          {...form.field("opensOn")}
          type="date"
          label="Opening date"
          hint="From when trusts can submit, on or after the quarter starts"
          width={10}
          style={{ minWidth: "11em" }}
        />
        <TextInput
          {...form.field("dueOn")}
          type="date"
          label="Due date"
          hint="On or after the quarter ends; trusts are reminded 7 days before and once it is past"
          width={10}
          style={{ minWidth: "11em" }}
        />
        <p className="nhsuk-body">
          Returns are assessed against the framework version in force when it opens.
        </p>
        <Button type="submit" disabled={open.isPending}>
          Open for returns
        </Button>
      </form>
    </>
  );
}
