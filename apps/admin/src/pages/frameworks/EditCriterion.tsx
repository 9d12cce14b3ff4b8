import { type TierCriterion, TierCriterionSchema } from "@realise/domain";
import { LEVEL_LABELS, LoadError, Loading, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Select, SummaryList, TextInput } from "nhsuk-react-components";
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

/** Edit one criterion of a draft: k of a menu, the required level, the trust types it applies to. */
export function EditCriterion() {
  const { version, valid, query } = useVersion();
  const { id = "" } = useParams();
  if (!valid) return <LoadError error={{ message: "Version must be a whole number" }} />;
  if (query.isPending) return <Loading what="the criterion" />;
  if (query.error) return <LoadError error={query.error} />;
  const criterion = query.data.document.criteria.find((c) => c.id === id);
  if (!criterion) return <LoadError error={{ message: `Version ${version} has no criterion ${id}` }} />;
  if (query.data.status !== "draft")
    return (
      <LoadError
        error={{ message: `Version ${version} is ${query.data.status}; only a draft can be edited` }}
      />
    );
  return (
    <CriterionForm
      key={`${id}-${query.data.rowVersion}`}
      version={version}
      rowVersion={query.data.rowVersion}
      criterion={criterion}
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
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [k, setK] = useState(String(criterion.k ?? ""));
  const [level, setLevel] = useState(String(criterion.requiredLevel));
  const [appliesTo, setAppliesTo] = useState<string[]>([...criterion.appliesTo]);
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [attempt, setAttempt] = useState(0);
  const save = useMutation(
    trpc.frameworks.updateCriterion.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.frameworks.pathFilter());
        navigate(`/frameworks/${version}#criteria`);
      },
      onError: (error) => setProblems(problemsOf(error)),
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const parsed = TierCriterionSchema.safeParse({
      ...criterion,
      ...(criterion.kind === "menu" ? { k: numberOf(k) } : {}),
      requiredLevel: Number(level),
      appliesTo,
    });
    if (!parsed.success) {
      setProblems({ fields: zodFieldErrors(parsed.error, "criterion"), general: [], conflict: false });
      return;
    }
    setProblems(noProblems);
    save.mutate({ version, expectedRowVersion: rowVersion, id: criterion.id, criterion: parsed.data });
  };
  const err = (path: string) => problems.fields[fieldId(`criterion.${path}`)];
  return (
    <>
      <p>
        <Link to={`/frameworks/${version}#criteria`}>Back to draft version {version}</Link>
      </p>
      <ProblemSummary problems={problems} attempt={attempt} />
      <h1>
        <span className="nhsuk-caption-l">Draft version {version}</span>
        Criterion {criterion.id}
      </h1>
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
