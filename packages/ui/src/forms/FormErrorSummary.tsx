import { ErrorSummary } from "nhsuk-react-components";
import { useEffect, useRef } from "react";
import { fieldIdOf, inPageOrder, type Located, type SummaryLine } from "./problems";

const inDocument = (id: string) => (typeof document === "undefined" ? null : document.getElementById(id));

/** Moves focus to the summary, so a screen reader announces it and the keyboard starts from it. */
export const focusSummary = (summary: Pick<HTMLElement, "focus"> | null) => summary?.focus();

/**
 * The NHS error summary: field messages first, in the order the fields appear on the page, each
 * linking to its field; then messages about the whole form. It is drawn afresh for every failed
 * attempt and takes focus. Renders nothing when all is well.
 */
export function FormErrorSummary({
  fields,
  general = [],
  attempt,
  idOf = fieldIdOf,
  locate = (name) => inDocument(idOf(name)),
}: {
  fields: Readonly<Record<string, string>>;
  general?: readonly string[];
  /** The failed-attempt count: a new value re-draws the summary and moves focus to it. */
  attempt: number;
  /** A field's element id (its name with dots as dashes, unless the form says otherwise). */
  idOf?: (name: string) => string;
  /** Finds a field's element, for the page order; a field not found is listed without a link. */
  locate?: (name: string) => Located | null;
}) {
  const lines = inPageOrder(fields, general, locate);
  if (lines.length === 0) return null;
  return <SummaryBox key={attempt} lines={lines} />;
}

function SummaryBox({ lines }: { lines: SummaryLine[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => focusSummary(box.current), []);
  return (
    <ErrorSummary ref={box} tabIndex={-1}>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {lines.map(({ key, message, href }) =>
          href !== null ? (
            <ErrorSummary.ListItem key={key} href={`#${href}`}>
              {message}
            </ErrorSummary.ListItem>
          ) : (
            <li key={key}>{message}</li>
          ),
        )}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
