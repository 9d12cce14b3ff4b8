import { ConflictNotice, FormErrorSummary, Loading, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BackLink, Button, InsetText, SummaryList, Table, Tag, Textarea } from "nhsuk-react-components";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { periodFromSlug } from "../national/filters";
import "../national/national.css";
import { ViewError } from "../national/ViewError";
import { useIsOverseer } from "../../session";
import { formatDateTime, usePageTitle } from "@realise/ui";
import { AdminOnly } from "../../AdminOnly";

const STATE_TEXT: Record<string, string> = {
  submitted: "Awaiting validation",
  accepted: "Accepted",
  returned: "Sent back to the trust",
  unlocked: "Unlocked",
};

const num = (v: number | null | undefined, unit = "") => (v == null ? "–" : `${Math.round(v)}${unit}`);
const change = (v: number | null | undefined, unit = "") =>
  v == null ? "–" : v === 0 ? "0" : `${v > 0 ? "+" : "−"}${Math.round(Math.abs(v))}${unit}`;

/** One return beside the previous period, with the national team's decision. */
export default function ReturnDetail() {
  const { odsCode = "", period: slug = "" } = useParams();
  const period = periodFromSlug(slug);
  const trpc = useTRPC();
  const client = useQueryClient();
  const key = { odsCode, period };
  const compare = useQuery(trpc.returns.compare.queryOptions(key));
  usePageTitle(compare.data && `Return for ${period}: ${compare.data.organisation.name}`);
  // contract: returns.accept / returns.sendBack / returns.unlock. The return comes from the page; the
  // comment is checked by the server: sending back and unlocking need one.
  const form = useSchemaForm({ defaultValues: { comment: "" } });
  const [done, setDone] = useState<string | null>(null);
  const settle = (message: string) => ({
    onSuccess: async () => {
      setDone(message);
      form.form.reset({ comment: "" });
      await client.invalidateQueries({ queryKey: trpc.returns.pathKey() });
    },
    onError: form.failed,
  });
  const accept = useMutation(trpc.returns.accept.mutationOptions(settle("Return accepted.")));
  const sendBack = useMutation(
    trpc.returns.sendBack.mutationOptions(settle("Return sent back; the trust can edit its figures again.")),
  );
  const unlock = useMutation(trpc.returns.unlock.mutationOptions(settle("Return unlocked.")));
  const busy = accept.isPending || sendBack.isPending || unlock.isPending;
  const overseer = useIsOverseer();

  if (compare.isPending) return <Loading what="the return" />;
  if (compare.error) return <ViewError error={compare.error} />;
  const c = compare.data;
  const r = c.return;
  const version = r.version;

  // One comment box for every decision: sending back and unlocking need it (the server says so on the
  // field), accepting may carry one. The button pressed says which decision.
  const onDecide = form.onSubmit(({ comment }, event) => {
    setDone(null);
    const pressed = ((event?.nativeEvent as SubmitEvent | undefined)?.submitter as HTMLButtonElement | null)
      ?.value;
    const text = comment.trim();
    if (pressed === "accept")
      accept.mutate({ ...key, ...(text ? { comment: text } : {}), expectedVersion: version });
    else if (pressed === "sendBack") {
      if (!text) return form.reject("comment", "Enter a comment telling the trust what to change");
      sendBack.mutate({ ...key, comment, expectedVersion: version });
    } else if (pressed === "unlock") unlock.mutate({ ...key, comment, expectedVersion: version });
  });
  const submitted = r.status === "submitted";
  const unlockable = submitted || r.status === "accepted";

  return (
    <>
      <BackLink asElement={Link} to={`/returns?period=${encodeURIComponent(period)}`}>
        Back to returns
      </BackLink>
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      {done && (
        <InsetText>
          <p role="status">{done}</p>
        </InsetText>
      )}
      <span className="nhsuk-caption-l">Return for {r.period}</span>
      <h1>{c.organisation.name}</h1>
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>State</SummaryList.Key>
          <SummaryList.Value>
            <Tag modifier={r.status === "accepted" ? "green" : r.status === "submitted" ? "blue" : "yellow"}>
              {STATE_TEXT[r.status] ?? r.status}
            </Tag>
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>ODS code</SummaryList.Key>
          <SummaryList.Value>{r.odsCode}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Submitted</SummaryList.Key>
          <SummaryList.Value>
            {formatDateTime(r.submittedAt)} by {r.submittedBy ?? "unknown"}
          </SummaryList.Value>
        </SummaryList.Row>
        {r.decidedBy && (
          <SummaryList.Row>
            <SummaryList.Key>Last decision</SummaryList.Key>
            <SummaryList.Value>
              {r.decidedAt ? formatDateTime(r.decidedAt) : ""} by {r.decidedBy}
              {r.comment ? `: “${r.comment}”` : ""}
            </SummaryList.Value>
          </SummaryList.Row>
        )}
        <SummaryList.Row>
          <SummaryList.Key>Compared with</SummaryList.Key>
          <SummaryList.Value>
            {c.previousSource === "return"
              ? `the trust's return for ${c.previousPeriod}`
              : c.previousSource === "snapshot"
                ? `the published snapshot for ${c.previousPeriod}`
                : `nothing: there is no return or snapshot for ${c.previousPeriod}`}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Large changes</SummaryList.Key>
          <SummaryList.Value>{c.largeChangeCount}</SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>

      <h2>Decision</h2>
      {overseer ? (
        <p className="nhsuk-body">
          This return is {(STATE_TEXT[r.status] ?? r.status).toLowerCase()}. The national team decides on
          returns.
        </p>
      ) : unlockable ? (
        <AdminOnly what="accept, send back or unlock a return">
          <form onSubmit={onDecide} noValidate>
            <Textarea
              {...form.field("comment")}
              label="Comment for the trust"
              hint={
                submitted
                  ? "Required to send the return back or unlock it: say what the trust should check or change, or why it is reopened. Optional when accepting."
                  : "Required to unlock the return: say why it is being reopened for the trust to edit."
              }
              rows={3}
            />
            <div>
              {submitted && (
                <>
                  <Button type="submit" name="decision" value="accept" disabled={busy}>
                    Accept return
                  </Button>{" "}
                  <Button type="submit" name="decision" value="sendBack" secondary disabled={busy}>
                    Send back to the trust
                  </Button>{" "}
                </>
              )}
              <Button type="submit" name="decision" value="unlock" warning disabled={busy}>
                Unlock for the trust to edit
              </Button>
            </div>
          </form>
        </AdminOnly>
      ) : (
        <p className="nhsuk-body">This return is {(STATE_TEXT[r.status] ?? r.status).toLowerCase()}.</p>
      )}

      <h2>Values against {c.previousPeriod}</h2>
      <Table
        caption={`Each functionality in ${r.period} against ${c.previousPeriod}; large changes highlighted`}
      >
        <Table.Head>
          <Table.Row>
            <Table.Cell>Functionality</Table.Cell>
            <Table.Cell format="numeric">Level</Table.Cell>
            <Table.Cell format="numeric">Before</Table.Cell>
            <Table.Cell format="numeric">Coverage</Table.Cell>
            <Table.Cell format="numeric">Change</Table.Cell>
            <Table.Cell format="numeric">Usage</Table.Cell>
            <Table.Cell format="numeric">Change</Table.Cell>
            <Table.Cell>Flag</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {c.rows.map((row) => (
            <Table.Row
              key={row.functionalityCode}
              className={row.largeChanges.length ? "realise-highlight" : undefined}
            >
              <Table.Cell>
                {row.functionalityCode} {row.name}
              </Table.Cell>
              <Table.Cell format="numeric">L{row.current?.level ?? 0}</Table.Cell>
              <Table.Cell format="numeric">{row.previous ? `L${row.previous.level}` : "–"}</Table.Cell>
              <Table.Cell format="numeric">{num(row.current?.coveragePct, "%")}</Table.Cell>
              <Table.Cell format="numeric">{change(row.coverageChange)}</Table.Cell>
              <Table.Cell format="numeric">{num(row.current?.usagePct, "%")}</Table.Cell>
              <Table.Cell format="numeric">{change(row.usageChange)}</Table.Cell>
              <Table.Cell>
                {row.largeChanges.length > 0 && (
                  <>
                    <Tag modifier="orange">Large change</Tag> {row.largeChanges.join("; ")}
                  </>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>

      <h2>History</h2>
      <Table caption="Every action on this return, newest first">
        <Table.Head>
          <Table.Row>
            <Table.Cell>When</Table.Cell>
            <Table.Cell>Who</Table.Cell>
            <Table.Cell>Action</Table.Cell>
            <Table.Cell>Comment</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {c.audit.map((a) => (
            <Table.Row key={a.id}>
              <Table.Cell>{formatDateTime(a.at)}</Table.Cell>
              <Table.Cell>{a.actorEmail ?? "System"}</Table.Cell>
              <Table.Cell>{a.action.replace("return.", "")}</Table.Cell>
              <Table.Cell>{(a.after as { comment?: string } | null)?.comment ?? ""}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
