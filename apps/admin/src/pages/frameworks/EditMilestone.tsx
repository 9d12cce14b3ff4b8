import { FrameworksSaveMilestoneInput } from "@realise/api/contracts";
import type { RoadmapMilestone } from "@realise/domain";
import { useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, Select, TextInput } from "nhsuk-react-components";
import { useParams } from "react-router";
import { DraftFormHeader, useDraftForm } from "./shared/DraftForm";
import { ShareField } from "./shared/ShareField";
import { TrustTypeList } from "./shared/TrustTypeList";
import { useDraftItem } from "./shared/useDraftItem";

/** Add (`new`) or edit a roadmap milestone of a draft: target, date, share of trusts, trust types. */
export function EditMilestone() {
  const { id = "new" } = useParams();
  const { view, draft } = useDraftItem({
    what: "the milestone",
    find: (fw) => (id === "new" ? null : fw.milestones.find((m) => m.id === id)),
    missing: `milestone ${id}`,
  });
  if (view) return view;
  return (
    <MilestoneForm
      key={`${id}-${draft.rowVersion}`}
      version={draft.version}
      rowVersion={draft.rowVersion}
      milestone={draft.item}
      tiers={draft.document.tiers.map((t) => t.number)}
    />
  );
}

function MilestoneForm({
  version,
  rowVersion,
  milestone,
  tiers,
}: {
  version: number;
  rowVersion: number;
  milestone: RoadmapMilestone | null;
  tiers: number[];
}) {
  const trpc = useTRPC();
  // The procedure's own contract: the form edits its `milestone`.
  const { form, back, saving } = useDraftForm({
    version,
    section: "milestones",
    prefix: "milestone",
    schema: FrameworksSaveMilestoneInput.shape.milestone,
    defaultValues: milestone ?? {
      id: "",
      title: "",
      targetDate: "",
      measure: "tier_at_least",
      tier: tiers[1] ?? 1,
      // Not typed yet: the box starts empty and the schema names it.
      shareOfTrusts: null as unknown as number,
      trustTypes: [],
    },
  });
  const measure = form.form.watch("measure");
  const save = useMutation(trpc.frameworks.saveMilestone.mutationOptions(saving));
  const onSubmit = form.onSubmit((parsed) =>
    save.mutate({ version, expectedRowVersion: rowVersion, id: milestone?.id ?? null, milestone: parsed }),
  );
  return (
    <>
      <DraftFormHeader version={version} back={back} form={form}>
        {milestone ? `Milestone: ${milestone.title}` : "Add a milestone"}
      </DraftFormHeader>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          {...form.field("id")}
          label="Milestone id"
          hint="A short reference, for example M-T3-2028"
          width={20}
        />
        <TextInput {...form.field("title")} label="Title" />
        <TextInput
          {...form.field("targetDate")}
          label="Target date"
          hint="For example 2028-03-31"
          width={10}
        />
        <Select {...form.field("measure")} label="Target">
          <Select.Option value="tier_at_least">Trusts at a tier or above</Select.Option>
          <Select.Option value="epr_live">Trusts with an EPR live</Select.Option>
        </Select>
        {measure === "tier_at_least" && (
          <Select
            // A milestone on EPRs live has no tier: the value goes when the box does.
            {...form.field("tier", "number", { shouldUnregister: true })}
            label="Tier"
          >
            {tiers.map((t) => (
              <Select.Option key={t} value={t}>
                Tier {t}
              </Select.Option>
            ))}
          </Select>
        )}
        <ShareField form={form} name="shareOfTrusts" label="Share of trusts (%)" />
        <TrustTypeList form={form} name="trustTypes" legend="Trust types" />
        <Button type="submit" disabled={save.isPending}>
          Save milestone
        </Button>
      </form>
    </>
  );
}
