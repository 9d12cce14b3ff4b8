import { LoadError, Loading, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Fieldset, Textarea, TextInput } from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { fieldId, ProblemSummary } from "../frameworks/forms";
import { SavedNotice, useSaveInPlace } from "../frameworks/shared/SavedNotice";
import { SetNameFields } from "./SetNameFields";

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

function SetForm({
  set,
}: {
  set: {
    id: string;
    name: string;
    description: string;
    version: number;
    groups: Array<{ id: string; name: string; members: string[] }>;
  };
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(set.name);
  const [description, setDescription] = useState(set.description);
  const [groups, setGroups] = useState(() => set.groups.map((g) => ({ ...g, text: g.members.join(", ") })));
  const form = useSaveInPlace(() => queryClient.invalidateQueries(trpc.registryAdmin.pathFilter()));
  const { problems } = form;
  const save = useMutation(trpc.registryAdmin.savePeerGroupSet.mutationOptions(form.saving));
  const remove = useMutation(
    trpc.registryAdmin.deletePeerGroupSet.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.registryAdmin.pathFilter());
        navigate("/registry/peer-groups");
      },
      onError: form.failed,
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    form.setSaved(false);
    save.mutate({
      id: set.id,
      name,
      description,
      expectedVersion: set.version,
      groups: groups.map((g) => ({ id: g.id, name: g.name, members: codes(g.text) })),
    });
  };
  return (
    <>
      <p>
        <Link to="/registry/peer-groups">Peer group sets</Link>
      </p>
      <ProblemSummary problems={problems} attempt={form.attempt} />
      <h1>{set.name}</h1>
      <SavedNotice saved={form.saved}>Peer group set saved.</SavedNotice>
      <form onSubmit={onSubmit} noValidate>
        <SetNameFields
          name={name}
          setName={setName}
          description={description}
          setDescription={setDescription}
          errors={{ name: problems.fields.name }}
        />
        {groups.map((g, i) => (
          <Fieldset key={g.id}>
            <Fieldset.Legend size="s">Group {i + 1}</Fieldset.Legend>
            <TextInput
              id={fieldId(`groups.${i}.name`)}
              label="Group name"
              value={g.name}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setGroups((gs) => gs.map((x, j) => (j === i ? { ...x, name: value } : x)));
              }}
              error={problems.fields[fieldId(`groups.${i}.name`)]}
            />
            <Textarea
              id={fieldId(`groups.${i}.members`)}
              label={`Trusts in ${g.name} (ODS codes)`}
              hint="Separated by commas or spaces; a trust can be in one group of this set"
              value={g.text}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setGroups((gs) => gs.map((x, j) => (j === i ? { ...x, text: value } : x)));
              }}
              error={problems.fields[fieldId(`groups.${i}.members`)]}
              rows={3}
            />
          </Fieldset>
        ))}
        <Button
          type="button"
          secondary
          onClick={() =>
            setGroups((gs) => [
              ...gs,
              { id: `${set.id}-g${gs.length + 1}`, name: `Group ${gs.length + 1}`, members: [], text: "" },
            ])
          }
        >
          Add a group
        </Button>{" "}
        <Button type="submit" disabled={save.isPending}>
          Save set
        </Button>
      </form>
      <h2>Delete this set</h2>
      <Button
        type="button"
        warning
        disabled={remove.isPending}
        onClick={() => {
          form.count();
          remove.mutate({ id: set.id, expectedVersion: set.version });
        }}
      >
        Delete {set.name}
      </Button>
    </>
  );
}
