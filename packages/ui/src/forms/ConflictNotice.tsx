import { Button, Table, WarningCallout } from "nhsuk-react-components";
import { useEffect, useRef } from "react";
import type { Conflict } from "./problems";

interface Saved {
  version?: number;
  updatedBy?: string | null;
  updatedAt?: Date | string;
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});
/** "28 Nov 2026, 07:45", in UK time whatever the browser's zone. */
const formatDateTime = (at: Date | string) => {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : dateTime.format(d);
};

/**
 * Someone saved first: say who and what, and offer their values instead of overwriting them. Without
 * the record as it is now (or `onLoadLatest`), it asks for a reload instead.
 */
export function ConflictNotice<Current extends Saved>({
  conflict,
  yours = {},
  fieldLabel = (f) => f,
  formatValue = (_f, v) => (v === null || v === undefined || v === "" ? "(empty)" : String(v)),
  onLoadLatest,
}: {
  conflict: Conflict<Current> | Conflict;
  yours?: Record<string, unknown>;
  fieldLabel?: (field: string) => string;
  formatValue?: (field: string, value: unknown) => string;
  onLoadLatest?: (current: Current) => void;
}) {
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const current = conflict.current as (Current & Record<string, unknown>) | null;
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
                  <Table.Cell>{formatValue(f, current[f])}</Table.Cell>
                  <Table.Cell>{formatValue(f, yours[f])}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {current && onLoadLatest ? (
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
