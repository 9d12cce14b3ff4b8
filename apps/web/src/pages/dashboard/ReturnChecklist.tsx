import { Empty, LoadError, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatDate, plural } from "../../format";
import type { ChecklistItem } from "../../types";

/** The checklist's kinds in the order an approver works through them, with where each item is fixed. */
const KINDS: ReadonlyArray<{
  kind: ChecklistItem["kind"];
  title: string;
  where: "functionality" | "benefit" | "plan";
}> = [
  { kind: "claim_above_measures", title: "Claims above the measures", where: "functionality" },
  { kind: "no_evidence", title: "Records at L3 or above without evidence", where: "functionality" },
  {
    kind: "not_reviewed",
    title: "Records not reviewed since the last accepted return",
    where: "functionality",
  },
  { kind: "overdue_actual", title: "Benefit actuals overdue", where: "benefit" },
  { kind: "plan_past_due", title: "Plan items past their target date", where: "plan" },
];

function linkOf(odsCode: string, where: (typeof KINDS)[number]["where"], subject: string) {
  switch (where) {
    case "functionality":
      return `/trusts/${odsCode}/functionalities/${encodeURIComponent(subject)}`;
    case "benefit":
      return `/trusts/${odsCode}/benefits/${encodeURIComponent(subject)}`;
    case "plan":
      return `/trusts/${odsCode}/plan`;
  }
}

/**
 * What the approver should look at before submitting, grouped by kind, each item linking to where it is
 * put right. Nothing here blocks the submission.
 */
export function ReturnChecklist({ odsCode, period }: { odsCode: string; period: string }) {
  const trpc = useTRPC();
  const checklist = useQuery(trpc.returns.checklist.queryOptions({ odsCode, period }));
  return (
    <section aria-labelledby="checklist-heading" className="realise-checklist">
      <h3 id="checklist-heading">Before you submit: check these</h3>
      {checklist.isPending && <Loading what="the checklist" />}
      {checklist.error && <LoadError error={checklist.error} />}
      {checklist.data && (
        <>
          <p className="nhsuk-body-s">
            {checklist.data.lastAcceptedOn
              ? `Your trust's last return was accepted on ${formatDate(checklist.data.lastAcceptedOn)}.`
              : "Your trust has no accepted return yet."}
          </p>
          {checklist.data.items.length === 0 ? (
            <Empty>Nothing to check: no claim, evidence, review, actual or plan item needs a look.</Empty>
          ) : (
            <>
              <p>
                {plural(checklist.data.items.length, "item")} to look at. You can still submit: the national
                team will ask about them.
              </p>
              {KINDS.map(({ kind, title, where }) => {
                const items = checklist.data.items.filter((i) => i.kind === kind);
                if (items.length === 0) return null;
                return (
                  <div key={kind}>
                    <h4 id={`checklist-${kind}`}>
                      {title} ({items.length})
                    </h4>
                    <ul aria-labelledby={`checklist-${kind}`}>
                      {items.map((item) => (
                        <li key={`${item.subject}-${item.message}`}>
                          <Link to={linkOf(odsCode, where, item.subject)}>{item.message}</Link>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </>
          )}
        </>
      )}
    </section>
  );
}
