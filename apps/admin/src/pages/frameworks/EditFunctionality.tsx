import { type Functionality, FunctionalitySchema } from "@realise/domain";
import { LoadError, Loading, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Fieldset, Select, TextInput } from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  fieldId,
  noProblems,
  numberOf,
  type Problems,
  ProblemSummary,
  problemsOf,
  TrustTypeChoice,
  zodFieldErrors,
} from "./forms";
import { useVersion } from "./useVersion";

const LEVELS = ["l3", "l4", "l5"] as const;
const MEASURES = [
  ["coveragePct", "coverage"],
  ["usagePct", "usage"],
] as const;

/** Edit one functionality of a draft: code (a rename), name, tier, applicability and level thresholds. */
export function EditFunctionality() {
  const { version, valid, query } = useVersion();
  const { code = "" } = useParams();
  if (!valid) return <LoadError error={{ message: "Version must be a whole number" }} />;
  if (query.isPending) return <Loading what="the functionality" />;
  if (query.error) return <LoadError error={query.error} />;
  const fn = query.data.document.functionalities.find((f) => f.code === code);
  if (!fn) return <LoadError error={{ message: `Version ${version} has no functionality ${code}` }} />;
  if (query.data.status !== "draft")
    return (
      <LoadError
        error={{ message: `Version ${version} is ${query.data.status}; only a draft can be edited` }}
      />
    );
  return (
    <FunctionalityForm
      key={`${code}-${query.data.rowVersion}`}
      version={version}
      rowVersion={query.data.rowVersion}
      functionality={fn}
      tiers={query.data.document.tiers.map((t) => ({ number: t.number, name: t.name }))}
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
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [codeText, setCode] = useState(functionality.code);
  const [name, setName] = useState(functionality.name);
  const [tier, setTier] = useState(String(functionality.tier));
  const [appliesTo, setAppliesTo] = useState<string[]>([...functionality.appliesTo]);
  const [thresholds, setThresholds] = useState(() =>
    Object.fromEntries(
      LEVELS.flatMap((l) => MEASURES.map(([m]) => [`${l}.${m}`, String(functionality.thresholds[l][m])])),
    ),
  );
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [attempt, setAttempt] = useState(0);

  const save = useMutation(
    trpc.frameworks.updateFunctionality.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.frameworks.pathFilter());
        navigate(`/frameworks/${version}#functionalities`);
      },
      onError: (error) => setProblems(problemsOf(error)),
    }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
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
      setProblems({ fields: zodFieldErrors(parsed.error, "functionality"), general: [], conflict: false });
      return;
    }
    setProblems(noProblems);
    save.mutate({
      version,
      expectedRowVersion: rowVersion,
      code: functionality.code,
      functionality: parsed.data,
    });
  };

  const err = (path: string) => problems.fields[fieldId(`functionality.${path}`)];

  return (
    <>
      <p>
        <Link to={`/frameworks/${version}#functionalities`}>Back to draft version {version}</Link>
      </p>
      <ProblemSummary problems={problems} attempt={attempt} />
      <h1>
        <span className="nhsuk-caption-l">Draft version {version}</span>
        {functionality.code} {functionality.name}
      </h1>
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
