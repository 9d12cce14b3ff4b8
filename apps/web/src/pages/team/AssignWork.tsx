import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Select, Table, Tag } from "nhsuk-react-components";
import { Link } from "react-router";

interface Colleague {
  userId: string;
  name: string;
  role: string;
  disabled: boolean;
}

/**
 * Who does what: every assignment of the trust with whether it is reviewed this quarter, and, for editors
 * and approvers, a form to give a tier or a functionality to a colleague (who is emailed).
 */
export function AssignWork({
  odsCode,
  colleagues,
  canAssign,
}: {
  odsCode: string;
  colleagues: Colleague[];
  canAssign: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.assignments.list.queryOptions({ odsCode }));
  const framework = useQuery(trpc.framework.current.queryOptions());
  // contract: assignments.assign; the subject is one select ("tier:2" or "F13"), split before sending.
  const form = useSchemaForm({
    defaultValues: { subject: "", assigneeUserId: "" },
    serverPath: (path) => (path === "functionalityCode" || path === "tier" ? "subject" : path),
  });
  const assign = useMutation(
    trpc.assignments.assign.mutationOptions({
      onError: form.failed,
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  const unassign = useMutation(
    trpc.assignments.unassign.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const workers = colleagues.filter((c) => !c.disabled && c.role !== "trust_viewer");
  const subjectInput = (kind: string, key: string) =>
    kind === "tier"
      ? { tier: Number(key) }
      : kind === "functionality"
        ? { functionalityCode: key }
        : kind === "benefit_line"
          ? { benefitLineId: key }
          : { planItemId: key };
  return (
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Who does what</h2>
      {list.data && list.data.items.length === 0 && <p>Nothing is assigned yet.</p>}
      {list.data && list.data.items.length > 0 && (
        <Table caption={`Assignments (${list.data.period})`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>What</Table.Cell>
              <Table.Cell>Assigned to</Table.Cell>
              <Table.Cell>This quarter</Table.Cell>
              {canAssign && <Table.Cell>Change</Table.Cell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.data.items.map((i) => (
              <Table.Row key={`${i.kind}/${i.key}`}>
                <Table.Cell>
                  <Link to={i.path}>{i.what}</Link>
                </Table.Cell>
                <Table.Cell>{i.assigneeName}</Table.Cell>
                <Table.Cell>
                  {i.reviewed ? <Tag modifier="green">Reviewed</Tag> : <Tag modifier="orange">To review</Tag>}
                </Table.Cell>
                {canAssign && (
                  <Table.Cell>
                    <Button
                      secondary
                      small
                      disabled={unassign.isPending}
                      onClick={() => unassign.mutate({ odsCode, ...subjectInput(i.kind, i.key) })}
                    >
                      Unassign<span className="nhsuk-u-visually-hidden"> {i.what}</span>
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {canAssign && framework.data && (
        <form
          noValidate
          aria-labelledby="assign-heading"
          onSubmit={form.onSubmit((v) => {
            const [kind, key] = v.subject.startsWith("tier:")
              ? ["tier", v.subject.slice(5)]
              : ["functionality", v.subject];
            assign.mutate({ odsCode, assigneeUserId: v.assigneeUserId, ...subjectInput(kind!, key!) });
          })}
        >
          <h3 id="assign-heading">Assign work</h3>
          <FormErrorSummary {...form.summary} />
          {assign.data && (
            <p className="realise-done" role="status">
              Assigned {assign.data.what}. They have been emailed.
            </p>
          )}
          <Select
            {...form.field("subject", "text", {
              validate: (v) => String(v) !== "" || "Choose what to assign",
            })}
            label="What"
          >
            <Select.Option value="">Choose a tier or a functionality</Select.Option>
            {framework.data.tiers.map((t) => (
              <Select.Option key={t.number} value={`tier:${t.number}`}>
                Tier {t.number}: {t.name}
              </Select.Option>
            ))}
            {framework.data.functionalities.map((f) => (
              <Select.Option key={f.code} value={f.code}>
                {f.name} ({f.code})
              </Select.Option>
            ))}
          </Select>
          <Select
            {...form.field("assigneeUserId", "text", {
              validate: (v) => String(v) !== "" || "Choose a colleague",
            })}
            label="Colleague"
          >
            <Select.Option value="">Choose a colleague</Select.Option>
            {workers.map((c) => (
              <Select.Option key={c.userId} value={c.userId}>
                {c.name}
              </Select.Option>
            ))}
          </Select>
          <Button type="submit" disabled={assign.isPending}>
            Assign
          </Button>
        </form>
      )}
    </section>
  );
}
