import type { RouterOutputs } from "@realise/api";
import { formatDateTime } from "@realise/ui";
import { Table } from "nhsuk-react-components";
import { useState } from "react";

type Entry = RouterOutputs["plans"]["history"]["entries"][number];

/**
 * A history of changes in words: when, who, what happened, and each field's before → after. Folded away
 * in a details element so it does not push the page's work down.
 */
export function History({
  entries,
  title,
  empty,
}: {
  entries: readonly Entry[];
  title: string;
  empty: string;
}) {
  // The table is drawn only once opened, so a closed history adds nothing to the page's tables.
  const [open, setOpen] = useState(false);
  return (
    <details className="nhsuk-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {title} ({entries.length})
        </span>
      </summary>
      <div className="nhsuk-details__text">
        {!open ? null : entries.length === 0 ? (
          <p>{empty}</p>
        ) : (
          <Table caption={title} responsive>
            <Table.Head>
              <Table.Row>
                <Table.Cell>When</Table.Cell>
                <Table.Cell>Who</Table.Cell>
                <Table.Cell>What changed</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {entries.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>{formatDateTime(e.at)}</Table.Cell>
                  <Table.Cell>{e.by ?? "The system"}</Table.Cell>
                  <Table.Cell>
                    {e.summary}
                    {e.changes.length > 0 && (
                      <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">
                        {e.changes.map((c) => (
                          <li key={c.field}>
                            {c.field}: {c.before} → {c.after}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
    </details>
  );
}
