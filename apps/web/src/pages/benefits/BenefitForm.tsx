import { type BenefitLine, BenefitLineSchema } from "@realise/domain";
import { CheckboxList, ConflictNotice, FormErrorSummary, Loading, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BackLink, Button, Checkboxes, Fieldset, Select, Textarea, TextInput } from "nhsuk-react-components";
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
import { TrajectoryField } from "./TrajectoryField";
import { LockedNotice, useLockingReturn } from "../../components/LockedNotice";

/** The form's values: the domain's register line, as `benefits.create` and `benefits.update` take it. */
type FormValues = BenefitLine;

/** A number not typed yet: the box shows empty and the schema names the field. */
const untyped = null as unknown as number;

function emptyLine(odsCode: string): FormValues {
  return {
    odsCode,
    benefitTypeCode: "",
    title: "",
    benefitClass: "" as FormValues["benefitClass"],
    isDisbenefit: false,
    owner: "",
    metric: "",
    unit: "",
    direction: "" as FormValues["direction"],
    baseline: { value: untyped, date: "", source: "" },
    target: { value: untyped, date: "" },
    trajectory: [],
    actuals: [],
    confidence: "medium",
    status: "in_progress",
    enablingFunctionalities: [],
    fullYearValueGbp: null,
    attributionPct: 100,
    doubleCountGroup: null,
    evidence: null,
  };
}

function fromLine(odsCode: string, l: RegisterLine): FormValues {
  return {
    odsCode,
    benefitTypeCode: l.benefitTypeCode,
    title: l.title,
    benefitClass: l.benefitClass as FormValues["benefitClass"],
    isDisbenefit: l.isDisbenefit,
    owner: l.owner,
    metric: l.metric,
    unit: l.unit,
    direction: l.direction as FormValues["direction"],
    baseline: { value: l.baseline.value, date: l.baseline.date, source: l.baseline.source },
    target: { value: l.target.value, date: l.target.date },
    trajectory: l.trajectory.map((t) => ({ date: t.date, value: t.value })),
    // Actuals are recorded on the benefit's own page; the update leaves them as they are.
    actuals: [],
    confidence: l.confidence as FormValues["confidence"],
    status: l.status as FormValues["status"],
    enablingFunctionalities: l.enablingFunctionalities,
    fullYearValueGbp: l.fullYearValueGbp,
    attributionPct: l.attributionPct,
    doubleCountGroup: l.doubleCountGroup ?? null,
    evidence: l.evidence ?? null,
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
  const locked = useLockingReturn(odsCode);
  // contract: benefits.create / benefits.update (their `line` is the domain's BenefitLineSchema without
  // id, odsCode and actuals; the form holds those fixed and leaves them out when sending)
  const form = useSchemaForm<FormValues>({
    schema: BenefitLineSchema,
    defaultValues: line ? fromLine(odsCode, line) : emptyLine(odsCode),
    serverPath: "line",
  });
  const values = form.form.watch();

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

  // Choosing a type on a new line fills in what the type says, keeping what was typed.
  const chooseType = (code: string) => {
    const type = register.benefitTypes.find((b) => b.code === code);
    if (!type || line) return;
    const { setValue, getValues } = form.form;
    if (!getValues("title")) setValue("title", type.name);
    if (!getValues("metric")) setValue("metric", type.name);
    setValue("benefitClass", type.benefitClass as FormValues["benefitClass"]);
    setValue("isDisbenefit", type.isDisbenefit);
    setValue("unit", type.unit);
    setValue("direction", type.direction as FormValues["direction"]);
    setValue(
      "enablingFunctionalities",
      type.enablingFunctionalities.filter((c) => (register.levels[c] ?? 0) >= 2),
    );
  };

  const onSubmit = form.onSubmit(({ odsCode: _o, actuals: _a, id: _i, ...fields }) => {
    if (line) update.mutate({ odsCode, id: line.id, expectedVersion: line.version, line: fields });
    else create.mutate({ odsCode, line: fields });
  });

  const field = form.field;
  const benefitType = field("benefitTypeCode");
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
      {locked && <LockedNotice locked={locked} />}
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <form onSubmit={onSubmit} noValidate aria-label="Benefit">
        <Select
          {...benefitType}
          onChange={(e) => {
            benefitType.onChange(e);
            chooseType(e.currentTarget.value);
          }}
          label="Benefit type"
          hint="The national benefit type this line tracks"
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
        <Checkboxes error={form.errorOf("isDisbenefit")}>
          <Checkboxes.Item
            {...form.checkbox("isDisbenefit")}
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
          <TextInput
            {...field("baseline.value", "number")}
            label="Baseline value"
            inputMode="decimal"
            width={10}
          />
          <TextInput
            {...field("baseline.date")}
            label="Baseline date"
            hint="For example, 2025-04-01"
            width={10}
          />
          <TextInput {...field("baseline.source")} label="Baseline source" />
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend size="m">Target and trajectory</Fieldset.Legend>
          <TextInput
            {...field("target.value", "number")}
            label="Target value"
            inputMode="decimal"
            width={10}
          />
          <TextInput
            {...field("target.date")}
            label="Target date"
            hint="For example, 2027-03-31"
            width={10}
          />
          <TrajectoryField form={form} />
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
          <CheckboxList
            form={form}
            name="enablingFunctionalities"
            legend="Enabling functionalities"
            hint="The EPR functions this benefit depends on; a measured improvement counts towards their L5"
            options={offered.map((f) => ({
              value: f.code,
              label: `${f.code} ${f.name} (now L${register.levels[f.code] ?? 0})`,
            }))}
          />
        )}
        <TextInput
          {...field("fullYearValueGbp", "optionalNumber")}
          label="Full-year value in pounds (optional)"
          hint="Only for a monetised benefit"
          inputMode="decimal"
          width={10}
          prefix="£"
        />
        <TextInput
          {...field("attributionPct", "number")}
          label="Attribution to the EPR (%)"
          hint="The share of the benefit owed to the EPR, from 0 to 100"
          inputMode="decimal"
          width={4}
          suffix="%"
        />
        <TextInput
          {...field("doubleCountGroup", "optionalText")}
          label="Double-count group (optional)"
          hint="Lines that claim the same saving share a group, and only the largest is counted"
        />
        <Textarea {...field("evidence", "optionalText")} label="Evidence (optional)" />
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
