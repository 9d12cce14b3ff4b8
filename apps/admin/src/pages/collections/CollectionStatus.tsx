import {
  NOT_SUBMITTED_STATES as NOT_SUBMITTED,
  TRUST_RETURN_STATE_LABELS,
  TRUST_RETURN_STATE_ORDER as ORDER,
  TRUST_RETURN_STATES,
  type TrustReturnState,
} from "@realise/domain";
import { Empty, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { BackLink, Select, Table, Tag } from "nhsuk-react-components";
import { Link, useParams, useSearchParams } from "react-router";
import { CountTable } from "../CountTable";
import { CsvLink } from "../national/CsvLink";
import { formatDate } from "@realise/ui";
import { periodFromSlug, periodSlug } from "../national/filters";
import { ViewError } from "../national/ViewError";

const TAG: Record<TrustReturnState, "grey" | "yellow" | "blue" | "orange" | "green" | "purple"> = {
  not_started: "grey",
  in_progress: "yellow",
  ready_for_approval: "purple",
  returned: "orange",
  submitted: "blue",
  accepted: "green",
};

const isState = (value: string | null): value is TrustReturnState =>
  value !== null && (TRUST_RETURN_STATES as readonly string[]).includes(value);

/** Every trust's state in one quarter's collection, who has not submitted first; filtered in the URL. */
export default function CollectionStatus() {
  const { period: slug = "" } = useParams();
  const period = periodFromSlug(slug);
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const status = useQuery(trpc.collections.status.queryOptions({ period }));
  const chosen = params.get("state") ?? "";
  const filter = (t: { state: TrustReturnState }) =>
    chosen === "not_submitted"
      ? NOT_SUBMITTED.includes(t.state)
      : isState(chosen)
        ? t.state === chosen
        : true;

  return (
    <>
      <BackLink asElement={Link} to="/collections">
        Back to collections
      </BackLink>
      <span className="nhsuk-caption-l">Collection for {period}</span>
      <h1>Trusts' returns for {period}</h1>
      {status.isPending ? (
        <Loading what="the trusts' states" />
      ) : status.error ? (
        <ViewError error={status.error} />
      ) : (
        (() => {
          const { collection, counts, trusts } = status.data;
          const notSubmitted = NOT_SUBMITTED.reduce((n, s) => n + (counts[s] ?? 0), 0);
          const shown = trusts
            .filter(filter)
            .sort(
              (a, b) =>
                ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.name.localeCompare(b.name, "en-GB"),
            );
          return (
            <>
              <p className="nhsuk-body">
                Opened on {formatDate(collection.opensOn)}, due on {formatDate(collection.dueOn)}, assessed
                against framework version {collection.frameworkVersion}. {notSubmitted} of {trusts.length}{" "}
                trusts have not submitted.
              </p>
              <CountTable
                caption={`Trusts by return state, ${period}`}
                heading="State"
                rows={ORDER.map((s) => ({ label: TRUST_RETURN_STATE_LABELS[s], count: counts[s] ?? 0 }))}
              />
              <h2>Trusts</h2>
              <Select
                id="state"
                label="Show trusts"
                value={chosen}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setParams(value ? { state: value } : {});
                }}
              >
                <Select.Option value="">Every state</Select.Option>
                <Select.Option value="not_submitted">Not submitted ({notSubmitted})</Select.Option>
                {ORDER.map((s) => (
                  <Select.Option key={s} value={s}>
                    {TRUST_RETURN_STATE_LABELS[s]} ({counts[s] ?? 0})
                  </Select.Option>
                ))}
              </Select>
              {shown.length === 0 ? (
                <Empty>No trust is in this state for {period}.</Empty>
              ) : (
                <Table caption={`${shown.length} trusts, those that have not submitted first`}>
                  <Table.Head>
                    <Table.Row>
                      <Table.Cell>Trust</Table.Cell>
                      <Table.Cell>State</Table.Cell>
                      <Table.Cell>Last change</Table.Cell>
                      <Table.Cell format="numeric">Checklist items</Table.Cell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {shown.map((t) => (
                      <Table.Row key={t.odsCode}>
                        <Table.Cell>
                          {t.returnStatus ? (
                            <Link to={`/returns/${t.odsCode}/${periodSlug(period)}`}>
                              {t.name} ({t.odsCode})
                            </Link>
                          ) : (
                            `${t.name} (${t.odsCode})`
                          )}
                        </Table.Cell>
                        <Table.Cell>
                          <Tag modifier={TAG[t.state]}>{TRUST_RETURN_STATE_LABELS[t.state]}</Tag>
                        </Table.Cell>
                        <Table.Cell>{t.lastChangeOn ? formatDate(t.lastChangeOn) : "No changes"}</Table.Cell>
                        <Table.Cell format="numeric">{t.checklistItems}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              )}
              {shown.length > 0 && (
                <CsvLink
                  table="collection-status"
                  what={`the trusts' returns for ${period}, in the state shown`}
                  extra={{ period }}
                />
              )}
            </>
          );
        })()
      )}
    </>
  );
}
