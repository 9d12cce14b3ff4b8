import type { RouterOutputs } from "@realise/api";
import { PlanItemSchema, PlanTargetDateInputSchema } from "@realise/domain";
import {
  ConflictNotice,
  DateInput,
  FormErrorSummary,
  formatDate,
  LEVEL_LABELS,
  Loading,
  label,
  useSchemaForm,
  useTRPC,
} from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BackLink, Button, Select, Table, Tag, TextInput } from "nhsuk-react-components";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { History } from "../../components/History";
import { Problem } from "../../components/Problem";
import { RemoveItem } from "./RemoveItem";
import { TierForecastCell } from "./TierForecastCell";
import { LockedNotice, useLockingReturn } from "../../components/LockedNotice";
import { canEdit, useMe } from "../../session";

type Plan = RouterOutputs["plans"]["list"];
type PlanRow = Plan["items"][number];

const STATUS: Record<string, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  at_risk: "At risk",
};
// contract: plans.upsertItem (its item fields are the domain's PlanItemSchema; the date from the date input)
const ItemFormSchema = PlanItemSchema.pick({
  functionalityCode: true,
  targetLevel: true,
  targetDate: true,
  owner: true,
  status: true,
}).extend({ targetDate: PlanTargetDateInputSchema });

function stateTag(item: PlanRow) {
  if (item.state === "reached") return <Tag color="green">Reached</Tag>;
  if (item.state === "overdue") return <Tag color="red">{item.slippageDays} days late</Tag>;
  return <Tag color="grey">Due</Tag>;
}

/** Add or change a plan item, at the version read. */
function ItemForm({
  odsCode,
  plan,
  item,
  onDone,
}: {
  odsCode: string;
  plan: Plan;
  item: PlanRow | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: ItemFormSchema,
    defaultValues: {
      functionalityCode: item?.functionalityCode ?? "",
      targetLevel: (item?.targetLevel ?? 3) as 3,
      targetDate: item?.targetDate ?? "",
      owner: item?.owner ?? "",
      status: (item?.status ?? "not_started") as "not_started",
    },
    idPrefix: "plan-",
  });
  const upsert = useMutation(
    trpc.plans.upsertItem.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        onDone();
      },
      onError: form.failed,
    }),
  );
  const onSubmit = form.onSubmit((fields) =>
    upsert.mutate({
      odsCode,
      ...(item ? { id: item.id } : {}),
      expectedVersion: item?.version ?? 0,
      ...fields,
    }),
  );
  const field = form.field;
  return (
    <section aria-labelledby="h-item">
      <h2 id="h-item">{item ? "Change the plan item" : "Add a plan item"}</h2>
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <form onSubmit={onSubmit} noValidate aria-label="Plan item">
        <Select {...field("functionalityCode")} label="Functionality">
          <Select.Option value="">Choose a functionality</Select.Option>
          {plan.functionalities.map((f) => (
            <Select.Option key={f.code} value={f.code}>
              {f.code} {f.name} (tier {f.tier}, now {LEVEL_LABELS[f.level] ?? `L${f.level}`})
            </Select.Option>
          ))}
        </Select>
        <Select {...field("targetLevel", "number")} label="Target level">
          {[1, 2, 3, 4, 5].map((l) => (
            <Select.Option key={l} value={String(l)}>
              {LEVEL_LABELS[l] ?? `L${l}`}
            </Select.Option>
          ))}
        </Select>
        <DateInput form={form} name="targetDate" label="Target date" />
        <TextInput {...field("owner")} label="Owner" />
        <Select {...field("status")} label="Status">
          {Object.entries(STATUS).map(([k, v]) => (
            <Select.Option key={k} value={k}>
              {v}
            </Select.Option>
          ))}
        </Select>
        <div className="nhsuk-button-group">
          <Button type="submit" disabled={upsert.isPending}>
            {item ? "Save the item" : "Add the item"}
          </Button>
          <Button type="button" secondary onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The trust's plan: when it reaches each tier, where it stands against the roadmap, and each item against actual. */
export default function PlanPage() {
  const { odsCode = "" } = useParams();
  const locked = useLockingReturn(odsCode);
  const me = useMe().data ?? null;
  const writable = canEdit(me, odsCode) && !locked;
  const trpc = useTRPC();
  const plan = useQuery(trpc.plans.list.queryOptions({ odsCode }));
  const forecast = useQuery(trpc.plans.forecast.queryOptions({ odsCode }));
  const history = useQuery(trpc.plans.history.queryOptions({ odsCode }));
  const [editing, setEditing] = useState<PlanRow | "new" | null>(null);
  const [removing, setRemoving] = useState<PlanRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (plan.isPending || forecast.isPending) return <Loading what="the plan" />;
  if (plan.error) return <Problem error={plan.error} what="the plan" />;
  if (forecast.error) return <Problem error={forecast.error} what="the plan" />;
  const p = plan.data;
  const f = forecast.data;
  const nameOf = new Map(p.functionalities.map((x) => [x.code, x.name]));
  return (
    <>
      <BackLink asElement={Link} to={`/trusts/${odsCode}/dashboard`}>
        Dashboard
      </BackLink>
      <h1>Plan to the next tier</h1>
      {locked && <LockedNotice locked={locked} />}
      <p className="nhsuk-lede-text">
        {odsCode} attains tier {f.attainedTier} now. Each plan item takes a functionality to a level by a
        date; the forecast assumes every item is met on time. See also{" "}
        <Link to={`/trusts/${odsCode}/benefits`}>the benefits register</Link>.
      </p>
      <h2>Forecast by tier</h2>
      <Table caption="When the plan makes the trust reach each tier">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Tier</Table.Cell>
            <Table.Cell>Forecast</Table.Cell>
            <Table.Cell>Without at-risk items</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {f.tiers.map((t) => (
            <Table.Row key={t.tier}>
              <Table.Cell>
                {t.tier}. {t.name}
              </Table.Cell>
              <Table.Cell>
                <TierForecastCell tier={t} />
              </Table.Cell>
              <Table.Cell>
                {t.attainedNow
                  ? "Attained now"
                  : t.cautiousForecastDate
                    ? formatDate(t.cautiousForecastDate)
                    : "Not reached"}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <h2>Against the national roadmap</h2>
      <Table caption="The trust's forecast beside each roadmap milestone">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Milestone</Table.Cell>
            <Table.Cell>Target date</Table.Cell>
            <Table.Cell>This trust</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {f.milestones.map((m) => (
            <Table.Row key={m.milestoneId}>
              <Table.Cell>{m.title}</Table.Cell>
              <Table.Cell>{formatDate(m.targetDate)}</Table.Cell>
              <Table.Cell>
                {!m.applies
                  ? "Does not apply"
                  : m.attainedNow
                    ? "Met now"
                    : m.forecastDate === null
                      ? "Not reached by the plan"
                      : `Forecast ${formatDate(m.forecastDate)}: ${m.slippageDays !== null && m.slippageDays > 0 ? `${m.slippageDays} days late` : "on time"}`}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <h2>Plan items</h2>
      {notice && (
        <div className="nhsuk-inset-text" role="status">
          <p>{notice}</p>
        </div>
      )}
      {writable && removing && (
        <RemoveItem
          odsCode={odsCode}
          item={removing}
          name={nameOf.get(removing.functionalityCode) ?? ""}
          onDone={(message) => {
            setRemoving(null);
            setNotice(message);
          }}
        />
      )}
      {writable && editing === null && removing === null && (
        <Button
          type="button"
          onClick={() => {
            setNotice(null);
            setEditing("new");
          }}
        >
          Add a plan item
        </Button>
      )}
      {editing !== null && (
        <ItemForm
          key={editing === "new" ? "new" : `${editing.id}-${editing.version}`}
          odsCode={odsCode}
          plan={p}
          item={editing === "new" ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {p.items.length === 0 ? (
        <p>The plan has no items yet.</p>
      ) : (
        <Table caption="Plan items against the level now" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Functionality</Table.Cell>
              <Table.Cell>Target</Table.Cell>
              <Table.Cell>By</Table.Cell>
              <Table.Cell>Now</Table.Cell>
              <Table.Cell>Against plan</Table.Cell>
              <Table.Cell>Owner and status</Table.Cell>
              {writable && (
                <Table.Cell>
                  <span className="nhsuk-u-visually-hidden">Action</span>
                </Table.Cell>
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {p.items.map((item) => (
              <Table.Row key={item.id}>
                <Table.Cell>
                  {item.functionalityCode} {nameOf.get(item.functionalityCode) ?? ""}
                </Table.Cell>
                <Table.Cell>{LEVEL_LABELS[item.targetLevel] ?? `L${item.targetLevel}`}</Table.Cell>
                <Table.Cell>{formatDate(item.targetDate)}</Table.Cell>
                <Table.Cell>{LEVEL_LABELS[item.currentLevel] ?? `L${item.currentLevel}`}</Table.Cell>
                <Table.Cell>
                  {stateTag(item)}
                  {item.doneButNotReached && " Marked done, but the measures do not show the level yet"}
                </Table.Cell>
                <Table.Cell>
                  {item.owner}; {label(STATUS, item.status).toLowerCase()}
                </Table.Cell>
                {writable && (
                  <Table.Cell>
                    <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
                      <Button
                        type="button"
                        secondary
                        small
                        onClick={() => {
                          setNotice(null);
                          setRemoving(null);
                          setEditing(item);
                        }}
                      >
                        Change
                        <span className="nhsuk-u-visually-hidden">
                          {" "}
                          the plan item for {item.functionalityCode}
                        </span>
                      </Button>
                      <Button
                        type="button"
                        secondary
                        small
                        onClick={() => {
                          setNotice(null);
                          setEditing(null);
                          setRemoving(item);
                        }}
                      >
                        Remove
                        <span className="nhsuk-u-visually-hidden">
                          {" "}
                          the plan item for {item.functionalityCode}
                        </span>
                      </Button>
                    </div>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <h2>History</h2>
      {history.error ? (
        <Problem error={history.error} what="the plan's history" />
      ) : (
        <History
          entries={history.data?.entries ?? []}
          title="Changes to the plan"
          empty="No changes to the plan have been recorded yet."
        />
      )}
    </>
  );
}
