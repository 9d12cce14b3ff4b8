import type { RouterOutputs } from "@realise/api";
import { ConflictNotice, FormErrorSummary, LoadError, Loading, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Fieldset, Textarea, TextInput } from "nhsuk-react-components";
import { useFieldArray } from "react-hook-form";
import { Link, useNavigate, useParams } from "react-router";
import { SavedNotice, useSaveInPlace } from "../frameworks/shared/SavedNotice";
import { SetNameFields } from "./SetNameFields";
import { AdminOnly } from "../../AdminOnly";

const codes = (text: string) =>
  text
    .toUpperCase()
    .split(/[\s,]+/)
    .filter(Boolean);

/** One peer group set: rename groups, move trusts between them (one group per trust), delete the set. */
export function PeerGroupSetEdit() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const set = useQuery(trpc.registryAdmin.peerGroupSet.queryOptions({ id }));
  if (set.isPending) return <Loading what="the peer group set" />;
  if (set.error) return <LoadError error={set.error} />;
  return <SetForm key={set.data.id} set={set.data} />;
}

function SetForm({ set }: { set: RouterOutputs["registryAdmin"]["peerGroupSet"] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // contract: registryAdmin.savePeerGroupSet. Checked by the server (no domain schema for a set yet); a
  // group's members are typed as one box of codes, so "groups.0.members.2" lands on that box.
  const { form, saved, setSaved, saving } = useSaveInPlace(
    {
      defaultValues: {
        name: set.name,
        description: set.description,
        groups: set.groups.map((g) => ({ id: g.id, name: g.name, members: g.members.join(", ") })),
      },
    },
    () => queryClient.invalidateQueries(trpc.registryAdmin.pathFilter()),
  );
  const groups = useFieldArray({ control: form.form.control, name: "groups", keyName: "key" });
  const save = useMutation(trpc.registryAdmin.savePeerGroupSet.mutationOptions(saving));
  const remove = useMutation(
    trpc.registryAdmin.deletePeerGroupSet.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.registryAdmin.pathFilter());
        navigate("/registry/peer-groups");
      },
      onError: form.failed,
    }),
  );
  const onSubmit = form.onSubmit((values) => {
    setSaved(false);
    save.mutate({
      id: set.id,
      name: values.name,
      description: values.description,
      expectedVersion: set.version,
      groups: values.groups.map((g) => ({ id: g.id, name: g.name, members: codes(g.members) })),
    });
  });
  const names = form.form.watch("groups");
  return (
    <>
      <p>
        <Link to="/registry/peer-groups">Peer group sets</Link>
      </p>
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <h1>{set.name}</h1>
      <SavedNotice saved={saved}>Peer group set saved.</SavedNotice>
      <form onSubmit={onSubmit} noValidate>
        <SetNameFields name={form.field("name")} description={form.field("description")} />
        {groups.fields.map((g, i) => (
          <Fieldset key={g.key}>
            <Fieldset.Legend size="s">Group {i + 1}</Fieldset.Legend>
            <TextInput {...form.field(`groups.${i}.name`)} label="Group name" />
            <Textarea
              {...form.field(`groups.${i}.members`)}
              error={form.errorWithin(`groups.${i}.members`)}
              label={`Trusts in ${names[i]?.name ?? g.name} (ODS codes)`}
              hint="Separated by commas or spaces; a trust can be in one group of this set"
              rows={3}
            />
          </Fieldset>
        ))}
        <AdminOnly what="change a peer group set">
          <Button
            type="button"
            secondary
            onClick={() => {
              const n = groups.fields.length + 1;
              groups.append({ id: `${set.id}-g${n}`, name: `Group ${n}`, members: "" });
            }}
          >
            Add a group
          </Button>{" "}
          <Button type="submit" disabled={save.isPending}>
            Save set
          </Button>
        </AdminOnly>
      </form>
      <h2>Delete this set</h2>
      <form
        onSubmit={form.onSubmit(() => remove.mutate({ id: set.id, expectedVersion: set.version }))}
        noValidate
      >
        <AdminOnly what="delete a peer group set">
          <Button type="submit" warning disabled={remove.isPending}>
            Delete {set.name}
          </Button>
        </AdminOnly>
      </form>
    </>
  );
}
