import { BenefitLineSchema } from "@realise/domain";
import { bindField, ErrorSummaryFor, issueMessagesOf, Loading, useFormErrors, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  BackLink,
  Button,
  Checkboxes,
  Fieldset,
  Select,
  Textarea,
  TextInput,
  WarningCallout,
} from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { Problem } from "../../components/Problem";
import {
  CLASS_LABELS,
  CONFIDENCE_LABELS,
  DIRECTION_LABELS,
  type Register,
  type RegisterLine,
  STATUS_LABELS,
} from "./format";

interface FormValues {
  benefitTypeCode: string;
  title: string;
  benefitClass: string;
  isDisbenefit: boolean;
  owner: string;
  metric: string;
  unit: string;
  direction: string;
  baselineValue: string;
  baselineDate: string;
  baselineSource: string;
  targetValue: string;
  targetDate: string;
  trajectory: string;
  confidence: string;
  status: string;
  enablingFunctionalities: string[];
  fullYearValueGbp: string;
  attributionPct: string;
  doubleCountGroup: string;
  evidence: string;
}

const EMPTY: FormValues = {
  benefitTypeCode: "",
  title: "",
  benefitClass: "",
  isDisbenefit: false,
  owner: "",
  metric: "",
  unit: "",
  direction: "",
  baselineValue: "",
  baselineDate: "",
  baselineSource: "",
  targetValue: "",
  targetDate: "",
  trajectory: "",
  confidence: "medium",
  status: "in_progress",
  enablingFunctionalities: [],
  fullYearValueGbp: "",
  attributionPct: "100",
  doubleCountGroup: "",
  evidence: "",
};

function fromLine(l: RegisterLine): FormValues {
  return {
    benefitTypeCode: l.benefitTypeCode,
    title: l.title,
    benefitClass: l.benefitClass,
    isDisbenefit: l.isDisbenefit,
    owner: l.owner,
    metric: l.metric,
    unit: l.unit,
    direction: l.direction,
    baselineValue: String(l.baseline.value),
    baselineDate: l.baseline.date,
    baselineSource: l.baseline.source,
    targetValue: String(l.target.value),
    targetDate: l.target.date,
    trajectory: l.trajectory.map((t) => `${t.date}=${t.value}`).join("; "),
    confidence: l.confidence,
    status: l.status,
    enablingFunctionalities: l.enablingFunctionalities,
    fullYearValueGbp: l.fullYearValueGbp === null ? "" : String(l.fullYearValueGbp),
    attributionPct: String(l.attributionPct),
    doubleCountGroup: l.doubleCountGroup ?? "",
    evidence: l.evidence ?? "",
  };
}

/** Each schema path's field id, so the error summary links to the field. */
const FIELD_IDS: Record<string, string> = {
  benefitTypeCode: "benefitTypeCode",
  title: "title",
  benefitClass: "benefitClass",
  isDisbenefit: "isDisbenefit",
  owner: "owner",
  metric: "metric",
  unit: "unit",
  direction: "direction",
  "baseline.value": "baselineValue",
  "baseline.date": "baselineDate",
  "baseline.source": "baselineSource",
  "target.value": "targetValue",
  "target.date": "targetDate",
  trajectory: "trajectory",
  confidence: "confidence",
  status: "status",
  enablingFunctionalities: "enablingFunctionalities",
  fullYearValueGbp: "fullYearValueGbp",
  attributionPct: "attributionPct",
  doubleCountGroup: "doubleCountGroup",
  evidence: "evidence",
};
const fieldIdOf = (path: string) => {
  const bare = path.replace(/^line\./, "");
  return FIELD_IDS[bare] ?? FIELD_IDS[bare.split(".")[0] ?? ""] ?? "title";
};

/** The fields in the order the form shows them, for the error summary. */
const ORDER = Object.values(FIELD_IDS);

const numberOrNaN = (text: string) =>
  text.trim() === "" ? Number.NaN : Number(text.trim().replace(/,/g, ""));

/** The form's text as the API's input; numbers that do not parse stay NaN, so the schema names them. */
function toInput(v: FormValues, odsCode: string) {
  const trajectory = v.trajectory
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [date = "", value = ""] = part.split("=").map((x) => x.trim());
      return { date, value: numberOrNaN(value) };
    });
  return {
    odsCode,
    benefitTypeCode: v.benefitTypeCode,
    title: v.title,
    benefitClass: v.benefitClass,
    isDisbenefit: v.isDisbenefit,
    owner: v.owner,
    metric: v.metric,
    unit: v.unit,
    direction: v.direction,
    baseline: { value: numberOrNaN(v.baselineValue), date: v.baselineDate.trim(), source: v.baselineSource },
    target: { value: numberOrNaN(v.targetValue), date: v.targetDate.trim() },
    trajectory,
    actuals: [],
    confidence: v.confidence,
    status: v.status,
    enablingFunctionalities: v.enablingFunctionalities,
    fullYearValueGbp: v.fullYearValueGbp.trim() === "" ? null : numberOrNaN(v.fullYearValueGbp),
    attributionPct: numberOrNaN(v.attributionPct),
    doubleCountGroup: v.doubleCountGroup.trim() === "" ? null : v.doubleCountGroup.trim(),
    evidence: v.evidence.trim() === "" ? null : v.evidence,
  };
}

function BenefitFormPage({
  odsCode,
  register,
  line,
}: {
  odsCode: string;
  register: Register;
  line: RegisterLine | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<FormValues>(() => (line ? fromLine(line) : EMPTY));
  const form = useFormErrors(fieldIdOf);
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const onSaved = async (saved: { id: string }) => {
    await queryClient.invalidateQueries();
    navigate(`/trusts/${odsCode}/benefits/${encodeURIComponent(saved.id)}`, {
      state: { notice: line ? "The benefit was saved." : "The benefit was added." },
    });
  };
  const onError = form.failed;
  const create = useMutation(trpc.benefits.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.benefits.update.mutationOptions({ onSuccess: onSaved, onError }));
  const pending = create.isPending || update.isPending;

  const chooseType = (code: string) => {
    const type = register.benefitTypes.find((b) => b.code === code);
    setValues((v) => ({
      ...v,
      benefitTypeCode: code,
      ...(type && !line
        ? {
            title: v.title || type.name,
            metric: v.metric || type.name,
            benefitClass: type.benefitClass,
            isDisbenefit: type.isDisbenefit,
            unit: type.unit,
            direction: type.direction,
            enablingFunctionalities: type.enablingFunctionalities.filter(
              (c) => (register.levels[c] ?? 0) >= 2,
            ),
          }
        : {}),
    }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    const checked = BenefitLineSchema.safeParse(toInput(values, odsCode));
    if (!checked.success) {
      form.invalid(issueMessagesOf(checked.error.issues, fieldIdOf));
      return;
    }
    const { odsCode: _o, actuals: _a, id: _i, ...fields } = checked.data;
    if (line) update.mutate({ odsCode, id: line.id, expectedVersion: line.version, line: fields });
    else create.mutate({ odsCode, line: fields });
  };

  const err = (id: string) => form.fields[id];
  // Each field's id is its key in the form's values.
  const field = bindField(values, set, form.fields);
  const type = register.benefitTypes.find((b) => b.code === values.benefitTypeCode);
  const offered = [
    ...new Set([...(type?.enablingFunctionalities ?? []), ...values.enablingFunctionalities]),
  ].map(
    (code) =>
      register.functionalities.find((f) => f.code === code) ?? { code, name: code, tier: 0, shortName: null },
  );

  return (
    <>
      <BackLink
        asElement={Link}
        to={
          line ? `/trusts/${odsCode}/benefits/${encodeURIComponent(line.id)}` : `/trusts/${odsCode}/benefits`
        }
      >
        {line ? "Back to the benefit" : "Benefits register"}
      </BackLink>
      <h1>{line ? `Change “${line.title}”` : "Add a benefit"}</h1>
      <ErrorSummaryFor
        errors={form.fields}
        attempt={form.attempt}
        order={ORDER}
        // A conflict has its own warning below, naming what to do.
        messages={form.message && !form.conflict ? [form.message] : []}
      />
      {form.conflict && (
        <WarningCallout>
          <WarningCallout.Heading>Someone else changed this benefit</WarningCallout.Heading>
          <p>
            Your changes were not saved.{" "}
            <Link to={`/trusts/${odsCode}/benefits/${encodeURIComponent(line?.id ?? "")}`}>
              See their version
            </Link>{" "}
            and make your change again.
          </p>
        </WarningCallout>
      )}
      <form onSubmit={onSubmit} noValidate aria-label="Benefit">
        <Select
          id="benefitTypeCode"
          label="Benefit type"
          hint="The national benefit type this line tracks"
          value={values.benefitTypeCode}
          onChange={(e) => chooseType(e.currentTarget.value)}
          error={err("benefitTypeCode")}
        >
          <Select.Option value="">Choose a benefit type</Select.Option>
          {register.benefitTypes.map((b) => (
            <Select.Option key={b.code} value={b.code}>
              {b.name}
              {b.isDisbenefit ? " (dis-benefit)" : ""}
            </Select.Option>
          ))}
        </Select>
        <TextInput {...field("title")} label="Title" />
        <Select {...field("benefitClass")} label="Class (HM Treasury Green Book)">
          <Select.Option value="">Choose a class</Select.Option>
          {Object.entries(CLASS_LABELS).map(([k, v]) => (
            <Select.Option key={k} value={k}>
              {v}
            </Select.Option>
          ))}
        </Select>
        <Checkboxes id="isDisbenefit" error={err("isDisbenefit")}>
          <Checkboxes.Item
            value="yes"
            checked={values.isDisbenefit}
            onChange={(e) => set("isDisbenefit", e.currentTarget.checked)}
            hint="A harm to watch, such as more documentation time; it subtracts from totals"
          >
            This is a dis-benefit
          </Checkboxes.Item>
        </Checkboxes>
        <TextInput {...field("owner")} label="Owner (responsible officer)" />
        <TextInput {...field("metric")} label="Metric" hint="What is measured, and from where" />
        <TextInput {...field("unit")} label="Unit" />
        <Select {...field("direction")} label="Direction">
          <Select.Option value="">Choose a direction</Select.Option>
          {Object.entries(DIRECTION_LABELS).map(([k, v]) => (
            <Select.Option key={k} value={k}>
              {v}
            </Select.Option>
          ))}
        </Select>
        <Fieldset>
          <Fieldset.Legend size="m">Baseline</Fieldset.Legend>
          <TextInput {...field("baselineValue")} label="Baseline value" inputMode="decimal" width={10} />
          <TextInput
            {...field("baselineDate")}
            label="Baseline date"
            hint="For example, 2025-04-01"
            width={10}
          />
          <TextInput {...field("baselineSource")} label="Baseline source" />
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend size="m">Target and trajectory</Fieldset.Legend>
          <TextInput {...field("targetValue")} label="Target value" inputMode="decimal" width={10} />
          <TextInput {...field("targetDate")} label="Target date" hint="For example, 2027-03-31" width={10} />
          <TextInput
            {...field("trajectory")}
            label="Trajectory (optional)"
            hint="Expected values on the way, as date=value separated by semicolons, for example 2026-03-31=7.5; 2027-03-31=6"
          />
        </Fieldset>
        <Select {...field("confidence")} label="Confidence">
          {Object.entries(CONFIDENCE_LABELS).map(([k, v]) => (
            <Select.Option key={k} value={k}>
              {v}
            </Select.Option>
          ))}
        </Select>
        <Select {...field("status")} label="Status">
          {Object.entries(STATUS_LABELS).map(([k, v]) => (
            <Select.Option key={k} value={k}>
              {v}
            </Select.Option>
          ))}
        </Select>
        {offered.length > 0 && (
          <Checkboxes
            id="enablingFunctionalities"
            legend="Enabling functionalities"
            legendProps={{ size: "s" }}
            hint="The EPR functions this benefit depends on; a measured improvement counts towards their L5"
            error={err("enablingFunctionalities")}
          >
            {offered.map((f) => (
              <Checkboxes.Item
                key={f.code}
                value={f.code}
                checked={values.enablingFunctionalities.includes(f.code)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  set(
                    "enablingFunctionalities",
                    on
                      ? [...values.enablingFunctionalities, f.code]
                      : values.enablingFunctionalities.filter((c) => c !== f.code),
                  );
                }}
              >
                {f.code} {f.name} (now L{register.levels[f.code] ?? 0})
              </Checkboxes.Item>
            ))}
          </Checkboxes>
        )}
        <TextInput
          {...field("fullYearValueGbp")}
          label="Full-year value in pounds (optional)"
          hint="Only for a monetised benefit"
          inputMode="decimal"
          width={10}
          prefix="£"
        />
        <TextInput
          {...field("attributionPct")}
          label="Attribution to the EPR (%)"
          hint="The share of the benefit owed to the EPR, from 0 to 100"
          inputMode="decimal"
          width={4}
          suffix="%"
        />
        <TextInput
          {...field("doubleCountGroup")}
          label="Double-count group (optional)"
          hint="Lines that claim the same saving share a group, and only the largest is counted"
        />
        <Textarea {...field("evidence")} label="Evidence (optional)" />
        <Button type="submit" disabled={pending}>
          {line ? "Save the benefit" : "Add the benefit"}
        </Button>
      </form>
    </>
  );
}

/** Add a line to the register. */
export function BenefitNew() {
  const { odsCode = "" } = useParams();
  const trpc = useTRPC();
  const register = useQuery(trpc.benefits.list.queryOptions({ odsCode }));
  if (register.isPending) return <Loading what="the form" />;
  if (register.error) return <Problem error={register.error} what="the benefits register" />;
  return <BenefitFormPage odsCode={odsCode} register={register.data} line={null} />;
}

/** Change a line, at the version read. */
export function BenefitEdit() {
  const { odsCode = "", id = "" } = useParams();
  const trpc = useTRPC();
  const register = useQuery(trpc.benefits.list.queryOptions({ odsCode }));
  if (register.isPending) return <Loading what="the form" />;
  if (register.error) return <Problem error={register.error} what="the benefits register" />;
  const line = register.data.lines.find((l) => l.id === id);
  if (!line)
    return <Problem error={{ message: `Trust ${odsCode} has no benefit line ${id}` }} what="this benefit" />;
  return (
    <BenefitFormPage
      key={`${line.id}-${line.version}`}
      odsCode={odsCode}
      register={register.data}
      line={line}
    />
  );
}
