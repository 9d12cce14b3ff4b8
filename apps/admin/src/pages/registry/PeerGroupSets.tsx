import {
  ConflictNotice,
  Empty,
  FormErrorSummary,
  LoadError,
  Loading,
  TRUST_TYPE_LABELS,
  useSchemaForm,
  useTRPC,
} from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Select, Table, TextInput } from "nhsuk-react-components";
import { Link, useNavigate } from "react-router";
import { SetNameFields } from "./SetNameFields";
import { AdminOnly } from "../../AdminOnly";

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50) || "group";

/** Peer group sets: exclusive groupings of trusts the national team defines. */
export function PeerGroupSets() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sets = useQuery(trpc.registryAdmin.peerGroupSets.queryOptions());
  const orgs = useQuery(trpc.organisations.list.queryOptions({}));
  // contract: registryAdmin.savePeerGroupSet. Checked by the server (no domain schema for a set yet); `by`
  // is how the new set's groups start, which the form turns into the groups it sends.
  const form = useSchemaForm({ defaultValues: { id: "", name: "", description: "", by: "trust_type" } });
  const save = useMutation(
    trpc.registryAdmin.savePeerGroupSet.mutationOptions({
      onSuccess: async (r) => {
        await queryClient.invalidateQueries(trpc.registryAdmin.pathFilter());
        navigate(`/registry/peer-groups/${r.id}`);
      },
      onError: form.failed,
    }),
  );
  const error = sets.error ?? orgs.error;
  if (error) return <LoadError error={error} />;
  if (!sets.data || !orgs.data) return <Loading what="peer group sets" />;
  const trusts = orgs.data;

  const onSubmit = form.onSubmit(({ id, name, description, by }) => {
    const setId = id.trim().toLowerCase();
    const groups = new Map<string, string[]>();
    if (by !== "none") {
      for (const o of trusts) {
        const key =
          by === "trust_type"
            ? (TRUST_TYPE_LABELS[o.trustType] ?? o.trustType)
            : (o.eprSupplier ?? "No supplier");
        groups.set(key, [...(groups.get(key) ?? []), o.odsCode]);
      }
    }
    save.mutate({
      id: setId,
      name,
      description,
      expectedVersion: 0,
      groups: [...groups].map(([groupName, members]) => ({
        id: `${setId}-${slug(groupName)}`.slice(0, 100),
        name: groupName,
        members,
      })),
    });
  });

  return (
    <>
      <p>
        <Link to="/registry">Organisation registry</Link>
      </p>
      <h1>Peer group sets</h1>
      <p>A set divides trusts into groups; a trust sits in at most one group of each set.</p>
      {sets.data.length === 0 ? (
        <Empty>No peer group set has been defined yet.</Empty>
      ) : (
        <Table caption="Peer group sets">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Set</Table.Cell>
              <Table.Cell>Description</Table.Cell>
              <Table.Cell format="numeric">Groups</Table.Cell>
              <Table.Cell format="numeric">Trusts</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sets.data.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>
                  <Link to={`/registry/peer-groups/${s.id}`}>{s.name}</Link>
                </Table.Cell>
                <Table.Cell>{s.description || "–"}</Table.Cell>
                <Table.Cell format="numeric">{s.groups}</Table.Cell>
                <Table.Cell format="numeric">{s.members}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <h2>Create a set</h2>
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          {...form.field("id")}
          label="Set id"
          hint="Lower-case letters, digits and hyphens, for example by-type"
          width={20}
        />
        <SetNameFields name={form.field("name")} description={form.field("description")} />
        <Select {...form.field("by")} label="Start with groups by">
          <Select.Option value="trust_type">Trust type</Select.Option>
          <Select.Option value="epr_supplier">EPR supplier</Select.Option>
          <Select.Option value="none">No groups (add them afterwards)</Select.Option>
        </Select>
        <AdminOnly what="create a peer group set">
          <Button type="submit" disabled={save.isPending}>
            Create set
          </Button>
        </AdminOnly>
      </form>
    </>
  );
}
