import { type TierCriterion, TierCriterionSchema } from "@realise/domain";
import { LEVEL_LABELS, useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, Select, SummaryList, TextInput } from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import { fieldId, numberOf, TrustTypeChoice, zodFieldErrors } from "./forms";
import { DraftFormHeader, useDraftForm } from "./shared/DraftForm";
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
  const form = useDraftForm({ version, section: "criteria", prefix: "criterion" });
  const [k, setK] = useState(String(criterion.k ?? ""));
  const [level, setLevel] = useState(String(criterion.requiredLevel));
  const [appliesTo, setAppliesTo] = useState<string[]>([...criterion.appliesTo]);
  const save = useMutation(trpc.frameworks.updateCriterion.mutationOptions(form.saving));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    const parsed = TierCriterionSchema.safeParse({
      ...criterion,
      ...(criterion.kind === "menu" ? { k: numberOf(k) } : {}),
      requiredLevel: Number(level),
      appliesTo,
    });
    if (!parsed.success) {
      form.invalid(zodFieldErrors(parsed.error, "criterion"));
      return;
    }
    save.mutate({ version, expectedRowVersion: rowVersion, id: criterion.id, criterion: parsed.data });
  };
  const { err } = form;
  return (
    <>
      <DraftFormHeader version={version} form={form}>
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
            id={fieldId("criterion.k")}
            label="How many must be met (k)"
            hint={`Out of the ${criterion.functionalityCodes.length} functionalities offered`}
            inputMode="numeric"
            value={k}
            onChange={(e) => setK(e.currentTarget.value)}
            error={err("k")}
            width={2}
          />
        )}
        <Select
          id={fieldId("criterion.requiredLevel")}
          label="Required level"
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value)}
          error={err("requiredLevel")}
        >
          {[1, 2, 3, 4, 5].map((l) => (
            <Select.Option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </Select.Option>
          ))}
        </Select>
        <TrustTypeChoice
          id={fieldId("criterion.appliesTo")}
          legend="Applies to"
          value={appliesTo}
          onChange={setAppliesTo}
          error={err("appliesTo")}
        />
        <Button type="submit" disabled={save.isPending}>
          Save criterion
        </Button>
      </form>
    </>
  );
}
