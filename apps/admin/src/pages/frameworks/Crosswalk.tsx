import type { Crosswalk as CrosswalkDoc } from "@realise/domain";
import { ConflictNotice, FormErrorSummary, LoadError, Loading, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Select, Table, TextInput } from "nhsuk-react-components";
import { useState } from "react";
import { Link } from "react-router";
import { useVersion } from "./useVersion";

type Kind = CrosswalkDoc["entries"][number]["kind"];
interface Row {
  code: string;
  name: string;
  kind: Kind;
  to: string;
}

const KINDS: Array<[Kind, string]> = [
  ["kept", "Kept"],
  ["renamed", "Renamed"],
  ["split", "Split"],
  ["merged", "Merged"],
  ["retired", "Retired"],
];

const codesOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter(Boolean);

/** Rows, one per old code, into crosswalk entries; merges are grouped by their target. */
function entriesOf(rows: Row[]): CrosswalkDoc["entries"] {
  const entries: CrosswalkDoc["entries"] = [];
  const merges = new Map<string, string[]>();
  const retired: string[] = [];
  for (const r of rows) {
    const to = codesOf(r.to);
    if (r.kind === "kept") entries.push({ kind: "kept", from: [r.code], to: [r.code] });
    else if (r.kind === "renamed" || r.kind === "split") entries.push({ kind: r.kind, from: [r.code], to });
    else if (r.kind === "merged") {
      const key = to.join(",");
      merges.set(key, [...(merges.get(key) ?? []), r.code]);
    } else retired.push(r.code);
  }
  for (const [to, from] of merges) entries.push({ kind: "merged", from, to: codesOf(to) });
  if (retired.length > 0) entries.push({ kind: "retired", from: retired, to: [] });
  return entries;
}

/** The crosswalk editor: what happened to each functionality of the version in force. */
export function Crosswalk() {
  const { version, valid, query } = useVersion();
  if (!valid) return <LoadError error={{ message: "Version must be a whole number" }} />;
  if (query.isPending) return <Loading what="the crosswalk" />;
  if (query.error) return <LoadError error={query.error} />;
  const v = query.data;
  if (!v.crosswalk) return <LoadError error={{ message: `Version ${version} has no crosswalk` }} />;
  const draftCodes = new Set(v.document.functionalities.map((f) => f.code));
  const entryOf = new Map(v.crosswalk.entries.flatMap((e) => e.from.map((c) => [c, e] as const)));
  const rows: Row[] = v.previousCodes.map(({ code, name }) => {
    const e = entryOf.get(code);
    // Unchanged codes default to kept; a code the draft no longer has defaults to retired.
    if (!e) return { code, name, kind: draftCodes.has(code) ? "kept" : "retired", to: "" };
    return { code, name, kind: e.kind, to: e.kind === "kept" ? "" : e.to.join(", ") };
  });
  return (
    <CrosswalkForm
      key={v.version}
      version={version}
      rowVersion={v.rowVersion}
      readOnly={v.status !== "draft"}
      crosswalk={v.crosswalk}
      initial={rows}
    />
  );
}

function CrosswalkForm({
  version,
  rowVersion,
  readOnly,
  crosswalk,
  initial,
}: {
  version: number;
  rowVersion: number;
  readOnly: boolean;
  crosswalk: CrosswalkDoc;
  initial: Row[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // contract: frameworks.updateCrosswalk. The form holds one row per old code and builds the entries from
  // them, so the server's messages (about entries) are listed above the table rather than on a row.
  const form = useSchemaForm({ defaultValues: { rows: initial }, serverPath: () => undefined });
  const rows = form.form.watch("rows");
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.frameworks.updateCrosswalk.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries(trpc.frameworks.pathFilter());
      },
      onError: form.failed,
    }),
  );
  const onSubmit = form.onSubmit((values) => {
    setSaved(false);
    save.mutate({
      version,
      expectedRowVersion: rowVersion,
      crosswalk: {
        fromVersion: crosswalk.fromVersion,
        toVersion: crosswalk.toVersion,
        entries: entriesOf(values.rows),
      },
    });
  });
  return (
    <>
      <p>
        <Link to={`/frameworks/${version}`}>Back to version {version}</Link>
      </p>
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <h1>
        <span className="nhsuk-caption-l">Version {version}</span>
        Crosswalk from version {crosswalk.fromVersion}
      </h1>
      <p>
        Say what happened to each functionality of version {crosswalk.fromVersion}. Trusts' records are
        carried forward by this crosswalk when the draft is published: kept and renamed records move as they
        are, a split copies the record to each new code, a merge takes the lowest level, and retired records
        are not carried.
      </p>
      {saved && (
        <p role="status" className="nhsuk-body">
          <strong>Crosswalk saved.</strong>
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Table caption={`What happened to each functionality of version ${crosswalk.fromVersion}`} responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Functionality</Table.Cell>
              <Table.Cell>What happened</Table.Cell>
              <Table.Cell>New code(s)</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r, i) => (
              <Table.Row key={r.code}>
                <Table.Cell>
                  {r.code} {r.name}
                </Table.Cell>
                <Table.Cell>
                  <Select
                    {...form.field(`rows.${i}.kind`)}
                    label={`What happened to ${r.code}`}
                    labelProps={{ className: "nhsuk-u-visually-hidden" }}
                    disabled={readOnly}
                  >
                    {KINDS.map(([k, text]) => (
                      <Select.Option key={k} value={k}>
                        {text}
                      </Select.Option>
                    ))}
                  </Select>
                </Table.Cell>
                <Table.Cell>
                  {r.kind === "kept" || r.kind === "retired" ? (
                    "–"
                  ) : (
                    <TextInput
                      {...form.field(`rows.${i}.to`)}
                      label={`New code(s) for ${r.code}`}
                      labelProps={{ className: "nhsuk-u-visually-hidden" }}
                      hint={r.kind === "split" ? "Two or more, separated by commas" : undefined}
                      disabled={readOnly}
                      width={10}
                    />
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!readOnly && (
          <Button type="submit" disabled={save.isPending}>
            Save crosswalk
          </Button>
        )}
      </form>
    </>
  );
}
