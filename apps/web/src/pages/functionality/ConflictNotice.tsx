import { Button, Table, WarningCallout } from "nhsuk-react-components";
import { useEffect, useRef } from "react";
import { fieldLabel, formatValue } from "../../changes";
import { formatDateTime } from "../../format";
import type { StoredValues } from "./form-values";

/** What the server sends with a CONFLICT: the record as it is now, and the fields that differ from yours. */
export interface Conflict {
  current: (StoredValues & { version: number; updatedBy?: string | null; updatedAt?: Date | string }) | null;
  changedFields: string[];
}

/** Someone saved first: say who and what, and offer their values instead of overwriting them. */
export function ConflictNotice({
  conflict,
  yours,
  onLoadLatest,
}: {
  conflict: Conflict;
  yours: Record<string, unknown>;
  onLoadLatest(current: StoredValues & { version: number }): void;
}) {
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const current = conflict.current;
  return (
    <div tabIndex={-1} ref={heading} className="realise-conflict">
      <WarningCallout>
        <WarningCallout.Heading>Someone else changed this record</WarningCallout.Heading>
        <p>
          {current?.updatedBy ?? "Another user"} saved this record
          {current?.updatedAt ? ` on ${formatDateTime(current.updatedAt)}` : ""} after you opened it, so your
          changes were not saved. Nothing was overwritten.
        </p>
        {current && conflict.changedFields.length > 0 && (
          <Table caption="Where their saved values differ from yours">
            <Table.Head>
              <Table.Row>
                <Table.Cell>Field</Table.Cell>
                <Table.Cell>Saved now</Table.Cell>
                <Table.Cell>Yours (not saved)</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {conflict.changedFields.map((f) => (
                <Table.Row key={f}>
                  <Table.Cell>{fieldLabel(f)}</Table.Cell>
                  <Table.Cell>
                    {formatValue(f, (current as unknown as Record<string, unknown>)[f])}
                  </Table.Cell>
                  <Table.Cell>{formatValue(f, yours[f])}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {current ? (
          <>
            <p>Load the latest values, then make your change again if it is still needed.</p>
            <Button type="button" onClick={() => onLoadLatest(current)}>
              Load the latest values
            </Button>
          </>
        ) : (
          <p>Reload the page to see the record as it is now.</p>
        )}
      </WarningCallout>
    </div>
  );
}
