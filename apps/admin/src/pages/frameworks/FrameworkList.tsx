import {
  ConflictNotice,
  Empty,
  FormErrorSummary,
  formatDate,
  LoadError,
  Loading,
  useSchemaForm,
  useTRPC,
} from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Table, Tag } from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { VersionSelect } from "./shared/VersionRows";
import { AdminOnly } from "../../AdminOnly";

export const STATUS_TAG = {
  draft: { text: "Draft", modifier: "yellow" },
  published: { text: "Published", modifier: "green" },
  retired: { text: "Retired", modifier: "grey" },
} as const;

export function StatusTag({ status }: { status: keyof typeof STATUS_TAG }) {
  const s = STATUS_TAG[status];
  return <Tag modifier={s.modifier}>{s.text}</Tag>;
}

const date = (d: Date | null) => (d ? formatDate(d) : "–");

/** Every framework version with its status; start a draft; compare two versions. */
export function FrameworkList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // What the last page did here, e.g. "Draft version 3 discarded".
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const versions = useQuery(trpc.frameworks.list.queryOptions());
  // contract: frameworks.createDraft; a draft starts as a copy, so nothing is typed to check.
  const form = useSchemaForm({ defaultValues: {} });
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const create = useMutation(
    trpc.frameworks.createDraft.mutationOptions({
      onSuccess: async (draft) => {
        await queryClient.invalidateQueries(trpc.frameworks.pathFilter());
        navigate(`/frameworks/${draft.version}`);
      },
      onError: form.failed,
    }),
  );

  if (versions.isPending) return <Loading what="framework versions" />;
  if (versions.error) return <LoadError error={versions.error} />;
  const list = versions.data;
  const draft = list.find((v) => v.status === "draft");
  const published = list.find((v) => v.status === "published");

  const compare = (event: FormEvent) => {
    event.preventDefault();
    const a = from || String(list[1]?.version ?? "");
    const b = to || String(list[0]?.version ?? "");
    if (a && b) navigate(`/frameworks/diff?from=${a}&to=${b}`);
  };

  return (
    <>
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <h1>National framework</h1>
      {notice && (
        <p role="status" className="nhsuk-inset-text">
          <strong>{notice}</strong>
        </p>
      )}
      <p className="nhsuk-lede-text">
        The tiers, functionalities, thresholds, criteria, benefit types and roadmap milestones every trust is
        assessed against. A published version never changes: changes are made in a draft and published with a
        crosswalk.
      </p>
      {list.length === 0 ? (
        <Empty>No framework version exists yet.</Empty>
      ) : (
        <Table caption="Framework versions">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Version</Table.Cell>
              <Table.Cell>Name</Table.Cell>
              <Table.Cell>Status</Table.Cell>
              <Table.Cell>Effective from</Table.Cell>
              <Table.Cell>Published</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.map((v) => (
              <Table.Row key={v.version}>
                <Table.Cell>
                  <Link to={`/frameworks/${v.version}`}>Version {v.version}</Link>
                </Table.Cell>
                <Table.Cell>{v.name}</Table.Cell>
                <Table.Cell>
                  <StatusTag status={v.status} />
                </Table.Cell>
                <Table.Cell>{formatDate(v.effectiveFrom)}</Table.Cell>
                <Table.Cell>{date(v.publishedAt)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <h2>Change the framework</h2>
      {draft ? (
        <p>
          <Link to={`/frameworks/${draft.version}`}>Continue editing draft version {draft.version}</Link>
        </p>
      ) : (
        <>
          <p>
            A draft starts as a copy of version {published?.version ?? "in force"}. Trusts keep being assessed
            against the published version until the draft is published.
          </p>
          <AdminOnly what="create a draft">
            <form onSubmit={form.onSubmit(() => create.mutate(undefined))} noValidate>
              <Button type="submit" disabled={create.isPending}>
                Create draft
              </Button>
            </form>
          </AdminOnly>
        </>
      )}
      {list.length >= 2 && (
        <>
          <h2>Compare two versions</h2>
          <form onSubmit={compare} noValidate>
            <div className="nhsuk-grid-row">
              {(
                [
                  ["diff-from", "From version", "Previous", from, setFrom],
                  ["diff-to", "To version", "Newest", to, setTo],
                ] as const
              ).map(([id, label, empty, value, onChange]) => (
                <div className="nhsuk-grid-column-one-quarter" key={id}>
                  <VersionSelect
                    id={id}
                    label={label}
                    empty={empty}
                    versions={list}
                    value={value}
                    onChange={onChange}
                  />
                </div>
              ))}
            </div>
            <Button type="submit" secondary>
              Compare
            </Button>
          </form>
        </>
      )}
    </>
  );
}
