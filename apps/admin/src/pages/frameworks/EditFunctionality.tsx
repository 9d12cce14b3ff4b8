import { FrameworksUpdateFunctionalityInput } from "@realise/api/contracts";
import type { Functionality } from "@realise/domain";
import { useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, Fieldset, Textarea, TextInput } from "nhsuk-react-components";
import { useParams } from "react-router";
import { DraftFormHeader, useDraftForm } from "./shared/DraftForm";
import { RemoveFromDraft } from "./shared/RemoveFromDraft";
import { TierSelect } from "./shared/TierSelect";
import { TrustTypeList } from "./shared/TrustTypeList";
import { useDraftItem } from "./shared/useDraftItem";

const LEVELS = ["l3", "l4", "l5"] as const;
const MEASURES = [
  ["coveragePct", "coverage"],
  ["usagePct", "usage"],
] as const;

/** A new functionality's starting values: nothing typed yet, so the schema names each empty field. */
const blank = (tier: number): Functionality => ({
  code: "",
  name: "",
  description: "",
  category: "",
  tier,
  appliesTo: [],
  coverage: { label: "" },
  usage: { numerator: "", denominator: "", label: "" },
  // Not typed yet: the boxes start empty and the schema names them.
  thresholds: Object.fromEntries(
    LEVELS.map((l) => [l, { coveragePct: null, usagePct: null }]),
  ) as unknown as Functionality["thresholds"],
  references: {},
});

/**
 * Add (`new`) or edit one functionality of a draft: code (a rename), name, description, category,
 * tier, applicability, what its two measures count, and the level thresholds; remove it.
 */
export function EditFunctionality() {
  const { code = "new" } = useParams();
  const { view, draft } = useDraftItem({
    what: "the functionality",
    find: (fw) => (code === "new" ? null : fw.functionalities.find((f) => f.code === code)),
    missing: `functionality ${code}`,
  });
  if (view) return view;
  return (
    <FunctionalityForm
      key={`${code}-${draft.rowVersion}`}
      version={draft.version}
      rowVersion={draft.rowVersion}
      functionality={draft.item}
      tiers={draft.document.tiers.map((t) => ({ number: t.number, name: t.name }))}
    />
  );
}

function FunctionalityForm({
  version,
  rowVersion,
  functionality,
  tiers,
}: {
  version: number;
  rowVersion: number;
  /** `null`: a new functionality. */
  functionality: Functionality | null;
  tiers: Array<{ number: number; name: string }>;
}) {
  const trpc = useTRPC();
  // The procedure's own contract: the form edits its `functionality`.
  const { form, back, saving } = useDraftForm({
    version,
    section: "functionalities",
    prefix: "functionality",
    schema: FrameworksUpdateFunctionalityInput.shape.functionality,
    defaultValues: functionality ?? blank(tiers[0]?.number ?? 1),
  });
  const update = useMutation(trpc.frameworks.updateFunctionality.mutationOptions(saving));
  const add = useMutation(trpc.frameworks.addFunctionality.mutationOptions(saving));
  const remove = useMutation(trpc.frameworks.removeFunctionality.mutationOptions());
  const pending = update.isPending || add.isPending;
  const onSubmit = form.onSubmit((parsed) =>
    functionality
      ? update.mutate({
          version,
          expectedRowVersion: rowVersion,
          code: functionality.code,
          functionality: parsed,
        })
      : add.mutate({ version, expectedRowVersion: rowVersion, functionality: parsed }),
  );

  return (
    <>
      <DraftFormHeader version={version} back={back} form={form}>
        {functionality ? `${functionality.code} ${functionality.name}` : "Add a functionality"}
      </DraftFormHeader>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          {...form.field("code")}
          label="Code"
          hint={
            functionality
              ? "Changing the code renames the functionality: criteria, benefit types and the crosswalk follow"
              : "F and two or three digits, for example F47"
          }
          width={5}
        />
        <TextInput {...form.field("name")} label="Name" />
        <Textarea {...form.field("description")} label="Description" rows={3} />
        <TextInput {...form.field("category")} label="Category" hint="For example, Medicines" width={20} />
        <TierSelect form={form} name="tier" tiers={tiers} />
        <TrustTypeList form={form} name="appliesTo" legend="Applies to" />
        <Fieldset>
          <Fieldset.Legend size="s">What trusts measure</Fieldset.Legend>
          <TextInput
            {...form.field("coverage.label")}
            label="Coverage"
            hint="What coverage counts, for example: Share of inpatient wards using eMAR"
          />
          <TextInput {...form.field("usage.label")} label="Usage" hint="What usage counts, in a few words" />
          <TextInput {...form.field("usage.numerator")} label="Usage numerator" />
          <TextInput {...form.field("usage.denominator")} label="Usage denominator" />
        </Fieldset>
        {LEVELS.map((l) => (
          <Fieldset key={l}>
            <Fieldset.Legend size="s">{l.toUpperCase()} thresholds</Fieldset.Legend>
            <div className="nhsuk-grid-row">
              {MEASURES.map(([m, word]) => (
                <div className="nhsuk-grid-column-one-quarter" key={m}>
                  <TextInput
                    {...form.field(`thresholds.${l}.${m}`, "number")}
                    label={`${l.toUpperCase()} ${word} (%)`}
                    inputMode="decimal"
                    width={4}
                  />
                </div>
              ))}
            </div>
          </Fieldset>
        ))}
        <Button type="submit" disabled={pending}>
          {functionality ? "Save functionality" : "Add functionality"}
        </Button>
      </form>
      {functionality && (
        <RemoveFromDraft
          label={`Remove functionality ${functionality.code}`}
          warning={`${functionality.code} ${functionality.name} leaves the draft. A criterion or benefit type that names it must be changed first. Trusts' records of it are not carried into this version unless the crosswalk maps it to another code; the publish page counts them.`}
          then={back}
          pending={remove.isPending}
          remove={(handlers) =>
            remove.mutate({ version, expectedRowVersion: rowVersion, code: functionality.code }, handlers)
          }
        />
      )}
    </>
  );
}
