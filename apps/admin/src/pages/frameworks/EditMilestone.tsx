import { type RoadmapMilestone, RoadmapMilestoneSchema } from "@realise/domain";
import { useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, Select, TextInput } from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import { fieldId, numberOf, TrustTypeChoice, zodFieldErrors } from "./forms";
import { DraftFormHeader, useDraftForm } from "./shared/DraftForm";
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
  const form = useDraftForm({ version, section: "milestones", prefix: "milestone" });
  const [id, setId] = useState(milestone?.id ?? "");
  const [title, setTitle] = useState(milestone?.title ?? "");
  const [targetDate, setTargetDate] = useState(milestone?.targetDate ?? "");
  const [measure, setMeasure] = useState<string>(milestone?.measure ?? "tier_at_least");
  const [tier, setTier] = useState(String(milestone?.tier ?? tiers[1] ?? 1));
  const [share, setShare] = useState(
    milestone ? String(Math.round(milestone.shareOfTrusts * 1000) / 10) : "",
  );
  const [trustTypes, setTrustTypes] = useState<string[]>([...(milestone?.trustTypes ?? [])]);
  const save = useMutation(trpc.frameworks.saveMilestone.mutationOptions(form.saving));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    const pct = numberOf(share);
    const parsed = RoadmapMilestoneSchema.safeParse({
      ...(milestone ?? {}),
      id: id.trim(),
      title,
      targetDate,
      measure,
      ...(measure === "tier_at_least" ? { tier: numberOf(tier) } : { tier: undefined }),
      shareOfTrusts: Number.isNaN(pct) ? pct : pct / 100,
      trustTypes,
    });
    if (!parsed.success) {
      form.invalid(zodFieldErrors(parsed.error, "milestone"));
      return;
    }
    save.mutate({
      version,
      expectedRowVersion: rowVersion,
      id: milestone?.id ?? null,
      milestone: parsed.data,
    });
  };
  const { err } = form;
  return (
    <>
      <DraftFormHeader version={version} form={form}>
        {milestone ? `Milestone: ${milestone.title}` : "Add a milestone"}
      </DraftFormHeader>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id={fieldId("milestone.id")}
          label="Milestone id"
          hint="A short reference, for example M-T3-2028"
          value={id}
          onChange={(e) => setId(e.currentTarget.value)}
          error={err("id")}
          width={20}
        />
        <TextInput
          id={fieldId("milestone.title")}
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err("title")}
        />
        <TextInput
          id={fieldId("milestone.targetDate")}
          label="Target date"
          hint="For example 2028-03-31"
          value={targetDate}
          onChange={(e) => setTargetDate(e.currentTarget.value)}
          error={err("targetDate")}
          width={10}
        />
        <Select
          id={fieldId("milestone.measure")}
          label="Target"
          value={measure}
          onChange={(e) => setMeasure(e.currentTarget.value)}
          error={err("measure")}
        >
          <Select.Option value="tier_at_least">Trusts at a tier or above</Select.Option>
          <Select.Option value="epr_live">Trusts with an EPR live</Select.Option>
        </Select>
        {measure === "tier_at_least" && (
          <Select
            id={fieldId("milestone.tier")}
            label="Tier"
            value={tier}
            onChange={(e) => setTier(e.currentTarget.value)}
            error={err("tier")}
          >
            {tiers.map((t) => (
              <Select.Option key={t} value={t}>
                Tier {t}
              </Select.Option>
            ))}
          </Select>
        )}
        <TextInput
          id={fieldId("milestone.shareOfTrusts")}
          label="Share of trusts (%)"
          inputMode="decimal"
          value={share}
          onChange={(e) => setShare(e.currentTarget.value)}
          error={err("shareOfTrusts")?.replace("from 0 to 1", "from 0 to 100%")}
          width={4}
        />
        <TrustTypeChoice
          id={fieldId("milestone.trustTypes")}
          legend="Trust types"
          value={trustTypes}
          onChange={setTrustTypes}
          error={err("trustTypes")}
        />
        <Button type="submit" disabled={save.isPending}>
          Save milestone
        </Button>
      </form>
    </>
  );
}
