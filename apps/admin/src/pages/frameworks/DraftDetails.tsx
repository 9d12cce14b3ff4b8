import { FrameworksUpdateDetailsInput } from "@realise/api/contracts";
import { DateInput, formatDate, useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, TextInput } from "nhsuk-react-components";
import { DraftFormHeader, useDraftForm } from "./shared/DraftForm";
import { RemoveFromDraft } from "./shared/RemoveFromDraft";
import { useDraftItem } from "./shared/useDraftItem";

const DetailsSchema = FrameworksUpdateDetailsInput.pick({ name: true, effectiveFrom: true });

/** A draft's name and the date it takes effect; and throwing the draft away. */
export function DraftDetails() {
  const { view, draft } = useDraftItem({
    what: "the draft",
    find: (fw) => ({ name: fw.name, effectiveFrom: fw.effectiveFrom }),
    missing: "details",
  });
  if (view) return view;
  return (
    <DetailsForm
      key={draft.rowVersion}
      version={draft.version}
      rowVersion={draft.rowVersion}
      details={draft.item}
    />
  );
}

function DetailsForm({
  version,
  rowVersion,
  details,
}: {
  version: number;
  rowVersion: number;
  details: { name: string; effectiveFrom: string };
}) {
  const trpc = useTRPC();
  // The procedure's own contract: the form edits its name and effective date.
  const { form, back, saving } = useDraftForm({
    version,
    section: "details",
    prefix: "",
    schema: DetailsSchema,
    defaultValues: details,
  });
  const save = useMutation(trpc.frameworks.updateDetails.mutationOptions(saving));
  const discard = useMutation(trpc.frameworks.discardDraft.mutationOptions());
  const onSubmit = form.onSubmit((parsed) =>
    save.mutate({ version, expectedRowVersion: rowVersion, ...parsed }),
  );
  return (
    <>
      <DraftFormHeader version={version} back={back} form={form}>
        Name and effective date
      </DraftFormHeader>
      <form onSubmit={onSubmit} noValidate>
        <TextInput {...form.field("name")} label="Name" hint="For example, EPR route map 2027" />
        <DateInput
          form={form}
          name="effectiveFrom"
          label="Effective from"
          hint={`The day trusts start to be assessed against it once published. Now ${formatDate(details.effectiveFrom)}. For example, 1 4 2027`}
        />
        <Button type="submit" disabled={save.isPending}>
          Save name and date
        </Button>
      </form>
      <h2>Discard this draft</h2>
      <p>
        Discarding throws away every change made in draft version {version}. Trusts are not affected: they are
        assessed against the published version.
      </p>
      <RemoveFromDraft
        label={`Discard draft version ${version}`}
        warning="Every change in this draft is lost. This cannot be undone; a new draft starts again from the published version."
        then="/frameworks"
        thenState={{ notice: `Draft version ${version} discarded` }}
        pending={discard.isPending}
        remove={(handlers) => discard.mutate({ version, expectedRowVersion: rowVersion }, handlers)}
      />
    </>
  );
}
