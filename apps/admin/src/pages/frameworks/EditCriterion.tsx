import { FrameworksUpdateCriterionInput } from "@realise/api/contracts";
import type { Functionality, TierCriterion } from "@realise/domain";
import { CheckboxList, LEVEL_LABELS, useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, Select, TextInput } from "nhsuk-react-components";
import { useParams } from "react-router";
import { DraftFormHeader, useDraftForm } from "./shared/DraftForm";
import { RemoveFromDraft } from "./shared/RemoveFromDraft";
import { TierSelect } from "./shared/TierSelect";
import { TrustTypeList } from "./shared/TrustTypeList";
import { useDraftItem } from "./shared/useDraftItem";

/**
 * Add (`new`) or edit one criterion of a draft: its tier, whether it is mandatory (one functionality)
 * or a menu (k of the functionalities offered), which functionalities, the level and the trust types
 * it applies to; remove it.
 */
export function EditCriterion() {
  const { id = "new" } = useParams();
  const { view, draft } = useDraftItem({
    what: "the criterion",
    find: (fw) => (id === "new" ? null : fw.criteria.find((c) => c.id === id)),
    missing: `criterion ${id}`,
  });
  if (view) return view;
  return (
    <CriterionForm
      key={`${id}-${draft.rowVersion}`}
      version={draft.version}
      rowVersion={draft.rowVersion}
      criterion={draft.item}
      tiers={draft.document.tiers.map((t) => ({ number: t.number, name: t.name }))}
      functionalities={draft.document.functionalities}
    />
  );
}

function CriterionForm({
  version,
  rowVersion,
  criterion,
  tiers,
  functionalities,
}: {
  version: number;
  rowVersion: number;
  /** `null`: a new criterion. */
  criterion: TierCriterion | null;
  tiers: Array<{ number: number; name: string }>;
  functionalities: readonly Functionality[];
}) {
  const trpc = useTRPC();
  // The procedure's own contract: the form edits its `criterion`.
  const { form, back, saving } = useDraftForm({
    version,
    section: "criteria",
    prefix: "criterion",
    schema: FrameworksUpdateCriterionInput.shape.criterion,
    defaultValues: criterion ?? {
      id: "",
      tier: tiers[0]?.number ?? 1,
      kind: "mandatory",
      functionalityCodes: [],
      requiredLevel: 3,
      appliesTo: [],
    },
  });
  const kind = form.form.watch("kind");
  const tier = Number(form.form.watch("tier"));
  const ticked: readonly string[] = form.form.watch("functionalityCodes") ?? [];
  // A tier's criterion may only ask for functionalities of that tier or below (tiers are cumulative);
  // a code already ticked stays listed so it can be unticked.
  const offered = functionalities
    .filter((f) => f.tier <= tier || ticked.includes(f.code))
    .map((f) => ({ value: f.code, label: `${f.code} ${f.name} (tier ${f.tier})` }));
  const update = useMutation(trpc.frameworks.updateCriterion.mutationOptions(saving));
  const add = useMutation(trpc.frameworks.addCriterion.mutationOptions(saving));
  const remove = useMutation(trpc.frameworks.removeCriterion.mutationOptions());
  const onSubmit = form.onSubmit((parsed) =>
    criterion
      ? update.mutate({ version, expectedRowVersion: rowVersion, id: criterion.id, criterion: parsed })
      : add.mutate({ version, expectedRowVersion: rowVersion, criterion: parsed }),
  );
  return (
    <>
      <DraftFormHeader version={version} back={back} form={form}>
        {criterion ? `Criterion ${criterion.id}` : "Add a criterion"}
      </DraftFormHeader>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          {...form.field("id")}
          label="Criterion id"
          hint="A short reference, for example T2-MEDS"
          width={20}
        />
        <TierSelect form={form} name="tier" tiers={tiers} />
        <Select {...form.field("kind")} label="Kind">
          <Select.Option value="mandatory">Mandatory: one functionality must be met</Select.Option>
          <Select.Option value="menu">Menu: k of the functionalities offered must be met</Select.Option>
        </Select>
        <CheckboxList
          form={form}
          name="functionalityCodes"
          legend={kind === "menu" ? "Functionalities offered" : "Functionality"}
          hint={
            kind === "menu"
              ? "Tick at least two, from this tier or below"
              : "Tick one, from this tier or below"
          }
          options={offered}
        />
        {kind === "menu" && (
          <TextInput
            // A mandatory criterion has no k: the value goes when the box does.
            {...form.field("k", "number", { shouldUnregister: true })}
            label="How many must be met (k)"
            hint={`Out of the ${ticked.length} functionalities ticked`}
            inputMode="numeric"
            width={2}
          />
        )}
        <Select {...form.field("requiredLevel", "number")} label="Required level">
          {[1, 2, 3, 4, 5].map((l) => (
            <Select.Option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </Select.Option>
          ))}
        </Select>
        <TrustTypeList form={form} name="appliesTo" legend="Applies to" />
        <Button type="submit" disabled={update.isPending || add.isPending}>
          {criterion ? "Save criterion" : "Add criterion"}
        </Button>
      </form>
      {criterion && (
        <RemoveFromDraft
          label={`Remove criterion ${criterion.id}`}
          warning={`Tier ${criterion.tier} will no longer ask for it; trusts' tiers under this draft are worked out without it.`}
          then={back}
          pending={remove.isPending}
          remove={(handlers) =>
            remove.mutate({ version, expectedRowVersion: rowVersion, id: criterion.id }, handlers)
          }
        />
      )}
    </>
  );
}
