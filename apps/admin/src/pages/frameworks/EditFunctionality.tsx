import { type Functionality, FunctionalitySchema } from "@realise/domain";
import { useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, Fieldset, Select, TextInput } from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import { fieldId, numberOf, TrustTypeChoice, zodFieldErrors } from "./forms";
import { DraftFormHeader, useDraftForm } from "./shared/DraftForm";
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
  const form = useDraftForm({ version, section: "functionalities", prefix: "functionality" });
  const [codeText, setCode] = useState(functionality.code);
  const [name, setName] = useState(functionality.name);
  const [tier, setTier] = useState(String(functionality.tier));
  const [appliesTo, setAppliesTo] = useState<string[]>([...functionality.appliesTo]);
  const [thresholds, setThresholds] = useState(() =>
    Object.fromEntries(
      LEVELS.flatMap((l) => MEASURES.map(([m]) => [`${l}.${m}`, String(functionality.thresholds[l][m])])),
    ),
  );

  const save = useMutation(trpc.frameworks.updateFunctionality.mutationOptions(form.saving));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    const candidate = {
      ...functionality,
      code: codeText.trim(),
      name,
      tier: numberOf(tier),
      appliesTo,
      thresholds: Object.fromEntries(
        LEVELS.map((l) => [
          l,
          Object.fromEntries(MEASURES.map(([m]) => [m, numberOf(thresholds[`${l}.${m}`] ?? "")])),
        ]),
      ),
    };
    const parsed = FunctionalitySchema.safeParse(candidate);
    if (!parsed.success) {
      form.invalid(zodFieldErrors(parsed.error, "functionality"));
      return;
    }
    save.mutate({
      version,
      expectedRowVersion: rowVersion,
      code: functionality.code,
      functionality: parsed.data,
    });
  };

  const { err } = form;

  return (
    <>
      <DraftFormHeader version={version} form={form}>
        {functionality.code} {functionality.name}
      </DraftFormHeader>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id={fieldId("functionality.code")}
          label="Code"
          hint="Changing the code renames the functionality: criteria, benefit types and the crosswalk follow"
          value={codeText}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={err("code")}
          width={5}
        />
        <TextInput
          id={fieldId("functionality.name")}
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err("name")}
        />
        <Select
          id={fieldId("functionality.tier")}
          label="Tier"
          value={tier}
          onChange={(e) => setTier(e.currentTarget.value)}
          error={err("tier")}
        >
          {tiers.map((t) => (
            <Select.Option key={t.number} value={t.number}>
              {t.number}: {t.name}
            </Select.Option>
          ))}
        </Select>
        <TrustTypeChoice
          id={fieldId("functionality.appliesTo")}
          legend="Applies to"
          value={appliesTo}
          onChange={setAppliesTo}
          error={err("appliesTo")}
        />
        {LEVELS.map((l) => (
          <Fieldset key={l}>
            <Fieldset.Legend size="s">{l.toUpperCase()} thresholds</Fieldset.Legend>
            <div className="nhsuk-grid-row">
              {MEASURES.map(([m, word]) => (
                <div className="nhsuk-grid-column-one-quarter" key={m}>
                  <TextInput
                    id={fieldId(`functionality.thresholds.${l}.${m}`)}
                    label={`${l.toUpperCase()} ${word} (%)`}
                    inputMode="decimal"
                    value={thresholds[`${l}.${m}`] ?? ""}
                    onChange={(e) => {
                      const text = e.currentTarget.value;
                      setThresholds((t) => ({ ...t, [`${l}.${m}`]: text }));
                    }}
                    error={err(`thresholds.${l}.${m}`)}
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
