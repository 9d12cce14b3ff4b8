import { ConflictNotice, FormErrorSummary, LoadError, Loading, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Checkboxes, Panel, SummaryList, WarningCallout } from "nhsuk-react-components";
import { Link } from "react-router";
import { VersionRows } from "./shared/VersionRows";
import { useVersion } from "./useVersion";
import { AdminOnly } from "../../AdminOnly";

/** Confirm and publish a draft; afterwards the version never changes. */
export function Publish() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { version, valid, query } = useVersion();
  const effect = useQuery({
    ...trpc.frameworks.effect.queryOptions({ version }),
    enabled: valid && query.data?.status === "draft",
  });
  // contract: frameworks.publish; the version, revision and record counts come from the page, so the only
  // thing typed is the confirmation.
  const form = useSchemaForm<{ confirm: boolean }>({ defaultValues: { confirm: false } });
  const publish = useMutation(
    trpc.frameworks.publish.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: (error) => {
        form.failed(error);
        // Counts that changed are read again, so the admin confirms what publishing would now do.
        void queryClient.invalidateQueries();
      },
    }),
  );
  if (!valid) return <LoadError error={{ message: "Version must be a whole number" }} />;
  if (publish.data) {
    const r = publish.data;
    return (
      <>
        <Panel>
          <Panel.Title>Version {r.version} published</Panel.Title>
          Version {r.retiredVersion} is retired. {r.carried} records carried forward ({r.changed} with a new
          code or level), {r.notCarried.length} dropped; {r.trustsRefreshed} trusts reassessed.
        </Panel>
        {r.notCarried.length > 0 && (
          <WarningCallout>
            <WarningCallout.Heading>{r.notCarried.length} records were not carried</WarningCallout.Heading>
            <ul>
              {r.notCarried.slice(0, 20).map((n) => (
                <li key={`${n.odsCode}/${n.functionalityCode}`}>
                  {n.odsCode} {n.functionalityCode}: {n.reason}
                </li>
              ))}
            </ul>
            <p>Each is kept in the audit log.</p>
          </WarningCallout>
        )}
        <p>
          <Link to={`/frameworks/${r.version}`}>View version {r.version}</Link>
        </p>
      </>
    );
  }
  if (query.isPending) return <Loading what={`framework version ${version}`} />;
  if (query.error) return <LoadError error={query.error} />;
  const v = query.data;
  if (v.status !== "draft")
    return (
      <LoadError error={{ message: `Version ${version} is ${v.status}; only a draft can be published` }} />
    );
  const kinds = new Map<string, number>();
  for (const e of v.crosswalk?.entries ?? []) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + e.from.length);

  const records = effect.data?.records;
  const onSubmit = form.onSubmit(({ confirm }) => {
    if (!records) return form.reject(null, "Wait for the record counts, then confirm them");
    if (!confirm)
      return form.reject("confirm", "Confirm the records that will be carried, changed and dropped");
    publish.mutate({ version, expectedRowVersion: v.rowVersion, confirmed: records });
  });

  return (
    <>
      <p>
        <Link to={`/frameworks/${version}`}>Back to draft version {version}</Link>
      </p>
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <h1>Publish version {version}</h1>
      <SummaryList>
        <VersionRows name={v.name} effectiveFrom={v.effectiveFrom} />
        <SummaryList.Row>
          <SummaryList.Key>Crosswalk</SummaryList.Key>
          <SummaryList.Value>
            {[...kinds].map(([k, n]) => `${n} ${k}`).join(", ") || "None"} (
            <Link to={`/frameworks/${version}/crosswalk`}>check the crosswalk</Link>)
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Effect on trusts</SummaryList.Key>
          <SummaryList.Value>
            {effect.data
              ? `${effect.data.up} up, ${effect.data.same} same, ${effect.data.down} down`
              : effect.error
                ? effect.error.message
                : "Working it out…"}{" "}
            (<Link to={`/frameworks/${version}/effect`}>see the effect by trust type</Link>)
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Trusts' records</SummaryList.Key>
          <SummaryList.Value>
            {records ? (
              <ul className="nhsuk-list" data-testid="record-counts">
                <li>{records.carried} carried forward</li>
                <li>{records.changed} of them changed (a new code or level)</li>
                <li>{records.dropped} dropped (not carried; each kept in the audit log)</li>
              </ul>
            ) : effect.error ? (
              effect.error.message
            ) : (
              "Working it out…"
            )}
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      <WarningCallout>
        <WarningCallout.Heading>Publishing cannot be undone</WarningCallout.Heading>
        <p>
          Version {v.crosswalk?.fromVersion ?? "in force"} will be retired, every trust's records carried
          forward by the crosswalk and every trust reassessed. Version {version} will never change again.
        </p>
      </WarningCallout>
      <AdminOnly what="publish a framework version">
        <form onSubmit={onSubmit} noValidate>
          <Checkboxes legend="Confirm" legendProps={{ size: "s" }} error={form.errorOf("confirm")}>
            <Checkboxes.Item {...form.checkbox("confirm")}>
              {records
                ? `I have checked: ${records.carried} records carried (${records.changed} changed), ${records.dropped} dropped`
                : "I have checked the records that will be carried, changed and dropped"}
            </Checkboxes.Item>
          </Checkboxes>
          <Button type="submit" disabled={publish.isPending || !records}>
            Publish version {version}
          </Button>
        </form>
      </AdminOnly>
    </>
  );
}
