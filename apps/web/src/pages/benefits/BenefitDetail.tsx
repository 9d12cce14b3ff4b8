import { PeriodSchema, periodOf, periodRange, plannedValueAt, previousPeriod } from "@realise/domain";
import { fieldErrorsOf, Loading, label, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import {
  BackLink,
  Button,
  ErrorSummary,
  SummaryList,
  Table,
  TextInput,
  WarningCallout,
} from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { Problem } from "../../components/Problem";
import {
  CLASS_LABELS,
  CONFIDENCE_LABELS,
  DIRECTION_LABELS,
  formatGbp,
  formatNumber,
  formatShare,
  type RegisterLine,
  STATUS_LABELS,
} from "./format";
import { LineChart } from "./LineChart";

/** Record (or correct) the actual for a period, at the version read. */
function RecordActual({ odsCode, line }: { odsCode: string; line: RegisterLine }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const due = previousPeriod(periodOf(new Date(), "quarter"));
  const [period, setPeriod] = useState(due);
  const [value, setValue] = useState("");
  const [source, setSource] = useState("");
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const record = useMutation(
    trpc.benefits.recordActual.mutationOptions({
      onSuccess: async (result) => {
        setSaved(`The actual for ${period} was recorded.`);
        setValue("");
        setSource("");
        setPeriod(due);
        await queryClient.invalidateQueries();
        void result;
      },
      onError: (error) => {
        const data =
          error instanceof TRPCClientError ? (error.data as { code?: string } | undefined) : undefined;
        if (data?.code === "CONFLICT") {
          setProblem(
            "Someone else changed this benefit since you opened it. The page now shows their change; enter the actual again.",
          );
          void queryClient.invalidateQueries();
          return;
        }
        const fields = new Map<string, string>();
        for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
          const id =
            path === "period" ? "actual-period" : path === "source" ? "actual-source" : "actual-value";
          if (!fields.has(id)) fields.set(id, message);
        }
        setErrors(fields);
        setProblem(fields.size > 0 ? null : error.message);
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setSaved(null);
    setProblem(null);
    const fields = new Map<string, string>();
    const p = PeriodSchema.safeParse(period);
    if (!p.success) fields.set("actual-period", p.error.issues[0]?.message ?? "Period is not valid");
    const v = Number(value.trim().replace(/,/g, ""));
    if (value.trim() === "") fields.set("actual-value", "Enter the actual value");
    else if (!Number.isFinite(v)) fields.set("actual-value", "Actual value must be a number");
    setErrors(fields);
    if (fields.size > 0 || !p.success) return;
    record.mutate({
      odsCode,
      id: line.id,
      expectedVersion: line.version,
      period: p.data,
      value: v,
      source: source.trim() === "" ? null : source.trim(),
    });
  };
  return (
    <section aria-labelledby="h-record">
      <h2 id="h-record">Record an actual</h2>
      {saved && (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      )}
      {(errors.size > 0 || problem) && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
          <ErrorSummary.List>
            {[...errors].map(([id, message]) => (
              <ErrorSummary.ListItem key={id} href={`#${id}`}>
                {message}
              </ErrorSummary.ListItem>
            ))}
            {problem && <li>{problem}</li>}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <form onSubmit={onSubmit} noValidate aria-label="Record an actual">
        <TextInput
          id="actual-period"
          label="Period"
          hint={`A quarter or a financial year, for example ${due} or ${periodOf(new Date(), "year")}`}
          width={10}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          error={errors.get("actual-period")}
        />
        <TextInput
          id="actual-value"
          label={`Actual value (${line.unit})`}
          inputMode="decimal"
          width={10}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={errors.get("actual-value")}
        />
        <TextInput
          id="actual-source"
          label="Source (optional)"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          error={errors.get("actual-source")}
        />
        <Button type="submit" disabled={record.isPending}>
          Record the actual
        </Button>
      </form>
    </section>
  );
}

/** One benefit: its fields, actual against trajectory and target (chart and table), and recording actuals. */
export function BenefitDetail() {
  const { odsCode = "", id = "" } = useParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const trpc = useTRPC();
  const query = useQuery(trpc.benefits.get.queryOptions({ odsCode, id }));
  const register = useQuery(trpc.benefits.list.queryOptions({ odsCode }));
  if (query.isPending) return <Loading what="the benefit" />;
  if (query.error) return <Problem error={query.error} what="this benefit" />;
  const line = query.data;
  const flags = (register.data?.flags ?? []).filter((f) => "line" in f && f.line === line.id);
  const trajectory = [
    { date: line.baseline.date, value: line.baseline.value },
    ...line.trajectory,
    { date: line.target.date, value: line.target.value },
  ].filter((p, i, all) => all.findIndex((q) => q.date === p.date) === i);
  const actual = line.actuals.map((a) => ({
    date: periodRange(a.period).end,
    value: a.value,
    period: a.period,
  }));
  const canEdit = register.data !== undefined;
  return (
    <>
      <BackLink asElement={Link} to={`/trusts/${odsCode}/benefits`}>
        Benefits register
      </BackLink>
      <h1>{line.title}</h1>
      {notice && (
        <div className="nhsuk-inset-text" role="status">
          <p>{notice}</p>
        </div>
      )}
      {flags.length > 0 && (
        <WarningCallout>
          <WarningCallout.Heading>Needs attention</WarningCallout.Heading>
          <ul>
            {flags.map((f) => (
              <li key={f.kind}>{f.message}</li>
            ))}
          </ul>
        </WarningCallout>
      )}
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>Progress to target</SummaryList.Key>
          <SummaryList.Value>
            {line.progress.progress === null
              ? "No actual yet"
              : `${formatShare(line.progress.progress)}${line.progress.onTrack === false ? ", behind trajectory" : line.progress.onTrack ? ", on or ahead of trajectory" : ""}`}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Class</SummaryList.Key>
          <SummaryList.Value>
            {label(CLASS_LABELS, line.benefitClass)}
            {line.isDisbenefit ? " (dis-benefit)" : ""}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Owner</SummaryList.Key>
          <SummaryList.Value>{line.owner}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Metric</SummaryList.Key>
          <SummaryList.Value>
            {line.metric} ({line.unit}); {label(DIRECTION_LABELS, line.direction).toLowerCase()}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Baseline</SummaryList.Key>
          <SummaryList.Value>
            {formatNumber(line.baseline.value)} on {line.baseline.date} ({line.baseline.source})
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Target</SummaryList.Key>
          <SummaryList.Value>
            {formatNumber(line.target.value)} by {line.target.date}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Value</SummaryList.Key>
          <SummaryList.Value>
            {line.fullYearValueGbp === null
              ? "Not monetised"
              : `${formatGbp(line.fullYearValueGbp)} a year at ${line.attributionPct}% attribution; ${formatGbp(line.progress.realisedValueGbp)} realised`}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Enabling functionalities</SummaryList.Key>
          <SummaryList.Value>{line.enablingFunctionalities.join(", ") || "None recorded"}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Confidence and status</SummaryList.Key>
          <SummaryList.Value>
            {label(CONFIDENCE_LABELS, line.confidence)}; {label(STATUS_LABELS, line.status).toLowerCase()}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Double-count group</SummaryList.Key>
          <SummaryList.Value>{line.doubleCountGroup ?? "None"}</SummaryList.Value>
        </SummaryList.Row>
        {line.evidence && (
          <SummaryList.Row>
            <SummaryList.Key>Evidence</SummaryList.Key>
            <SummaryList.Value>{line.evidence}</SummaryList.Value>
          </SummaryList.Row>
        )}
      </SummaryList>
      {canEdit && (
        <p>
          <Link to={`/trusts/${odsCode}/benefits/${encodeURIComponent(line.id)}/edit`}>
            Change this benefit
          </Link>
        </p>
      )}
      <h2>Actual against trajectory and target</h2>
      <LineChart
        title={`${line.title}: actual against trajectory and target`}
        actual={actual}
        trajectory={trajectory}
        target={line.target.value}
        unit={line.unit}
      />
      <Table caption="Actuals and the planned value at each period end">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Period</Table.Cell>
            <Table.Cell>Actual</Table.Cell>
            <Table.Cell>Planned (trajectory)</Table.Cell>
            <Table.Cell>Source</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          <Table.Row>
            <Table.Cell>Baseline ({line.baseline.date})</Table.Cell>
            <Table.Cell>{formatNumber(line.baseline.value)}</Table.Cell>
            <Table.Cell>–</Table.Cell>
            <Table.Cell>{line.baseline.source}</Table.Cell>
          </Table.Row>
          {line.actuals.map((a) => (
            <Table.Row key={a.period}>
              <Table.Cell>{a.period}</Table.Cell>
              <Table.Cell>{formatNumber(a.value)}</Table.Cell>
              <Table.Cell>{formatNumber(plannedValueAt(line, periodRange(a.period).end))}</Table.Cell>
              <Table.Cell>{a.source ?? "–"}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.Cell>Target ({line.target.date})</Table.Cell>
            <Table.Cell>–</Table.Cell>
            <Table.Cell>{formatNumber(line.target.value)}</Table.Cell>
            <Table.Cell>–</Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
      <RecordActual odsCode={odsCode} line={line} />
    </>
  );
}
