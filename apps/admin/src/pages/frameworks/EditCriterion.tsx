import { FrameworksUpdateCriterionInput } from "@realise/api/contracts";
import type { TierCriterion } from "@realise/domain";
import { LEVEL_LABELS, useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, Select, SummaryList, TextInput } from "nhsuk-react-components";
import { useParams } from "react-router";
import { DraftFormHeader, useDraftForm } from "./shared/DraftForm";
import { TrustTypeList } from "./shared/TrustTypeList";
import { useDraftItem } from "./shared/useDraftItem";

/** Edit one criterion of a draft: k of a menu, the required level, the trust types it applies to. */
export function EditCriterion() {
  const { id = "" } = useParams();
  const { view, draft } = useDraftItem({
    what: "the criterion",
    find: (fw) => fw.criteria.find((c) => c.id === id),
    missing: `criterion ${id}`,
  });
  if (view) return view;
  return (
    <CriterionForm
      key={`${id}-${draft.rowVersion}`}
      version={draft.version}
      rowVersion={draft.rowVersion}
      criterion={draft.item}
    />
  );
}

function CriterionForm({
  version,
  rowVersion,
  criterion,
}: {
  version: number;
  rowVersion: number;
  criterion: TierCriterion;
}) {
  const trpc = useTRPC();
  // The procedure's own contract: the form edits its `criterion`.
  const { form, back, saving } = useDraftForm({
    version,
    section: "criteria",
    prefix: "criterion",
    schema: FrameworksUpdateCriterionInput.shape.criterion,
    defaultValues: criterion,
  });
  const save = useMutation(trpc.frameworks.updateCriterion.mutationOptions(saving));
  const onSubmit = form.onSubmit((parsed) =>
    save.mutate({ version, expectedRowVersion: rowVersion, id: criterion.id, criterion: parsed }),
  );
  return (
    <>
      <DraftFormHeader version={version} back={back} form={form}>
        Criterion {criterion.id}
      </DraftFormHeader>
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>Tier</SummaryList.Key>
          <SummaryList.Value>{criterion.tier}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Kind</SummaryList.Key>
          <SummaryList.Value>{criterion.kind === "menu" ? "Menu (k of m)" : "Mandatory"}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Functionalities</SummaryList.Key>
          <SummaryList.Value>{criterion.functionalityCodes.join(", ")}</SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      <form onSubmit={onSubmit} noValidate>
        {criterion.kind === "menu" && (
          <TextInput
            {...form.field("k", "number")}
            label="How many must be met (k)"
            hint={`Out of the ${criterion.functionalityCodes.length} functionalities offered`}
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
        <Button type="submit" disabled={save.isPending}>
          Save criterion
        </Button>
      </form>
    </>
  );
}
