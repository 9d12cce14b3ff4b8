import { FrameworksUpdateFunctionalityInput } from "@realise/api/contracts";
import type { Functionality } from "@realise/domain";
import { useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, Fieldset, Select, TextInput } from "nhsuk-react-components";
import { useParams } from "react-router";
import { DraftFormHeader, useDraftForm } from "./shared/DraftForm";
import { TrustTypeList } from "./shared/TrustTypeList";
import { useDraftItem } from "./shared/useDraftItem";

const LEVELS = ["l3", "l4", "l5"] as const;
const MEASURES = [
  ["coveragePct", "coverage"],
  ["usagePct", "usage"],
] as const;

/** Edit one functionality of a draft: code (a rename), name, tier, applicability and level thresholds. */
export function EditFunctionality() {
  const { code = "" } = useParams();
  const { view, draft } = useDraftItem({
    what: "the functionality",
    find: (fw) => fw.functionalities.find((f) => f.code === code),
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
  functionality: Functionality;
  tiers: Array<{ number: number; name: string }>;
}) {
  const trpc = useTRPC();
  // The procedure's own contract: the form edits its `functionality`.
  const { form, back, saving } = useDraftForm({
    version,
    section: "functionalities",
    prefix: "functionality",
    schema: FrameworksUpdateFunctionalityInput.shape.functionality,
    defaultValues: functionality,
  });
  const save = useMutation(trpc.frameworks.updateFunctionality.mutationOptions(saving));
  const onSubmit = form.onSubmit((parsed) =>
    save.mutate({ version, expectedRowVersion: rowVersion, code: functionality.code, functionality: parsed }),
  );

  return (
    <>
      <DraftFormHeader version={version} back={back} form={form}>
        {functionality.code} {functionality.name}
      </DraftFormHeader>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          {...form.field("code")}
          label="Code"
          hint="Changing the code renames the functionality: criteria, benefit types and the crosswalk follow"
          width={5}
        />
        <TextInput {...form.field("name")} label="Name" />
        <Select {...form.field("tier", "number")} label="Tier">
          {tiers.map((t) => (
            <Select.Option key={t.number} value={t.number}>
              {t.number}: {t.name}
            </Select.Option>
          ))}
        </Select>
        <TrustTypeList form={form} name="appliesTo" legend="Applies to" />
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
        <Button type="submit" disabled={save.isPending}>
          Save functionality
        </Button>
      </form>
    </>
  );
}
