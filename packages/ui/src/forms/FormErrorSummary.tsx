import { ErrorSummary } from "nhsuk-react-components";
import { useEffect, useRef } from "react";
import { fieldIdOf, inPageOrder, type Problem } from "./problems";

const inDocument = (name: string) =>
  typeof document === "undefined" ? null : document.getElementById(fieldIdOf(name));

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
  locate = inDocument,
}: {
  fields: Readonly<Record<string, string>>;
  general?: readonly string[];
  /** The failed-attempt count: a new value re-draws the summary and moves focus to it. */
  attempt: number;
  /** Finds a field's element, for the page order; a field not found is listed without a link. */
  locate?: (name: string) => Pick<Node, "compareDocumentPosition"> | null;
}) {
  const lines = inPageOrder(fields, general, locate);
  if (lines.length === 0) return null;
  return <SummaryBox key={attempt} lines={lines} />;
}

function SummaryBox({ lines }: { lines: Array<Problem & { linked: boolean }> }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => focusSummary(box.current), []);
  return (
    <ErrorSummary ref={box} tabIndex={-1}>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {lines.map(({ name, message, linked }) =>
          name !== null && linked ? (
            <ErrorSummary.ListItem key={name} href={`#${fieldIdOf(name)}`}>
              {message}
            </ErrorSummary.ListItem>
          ) : (
            <li key={name ?? message}>{message}</li>
          ),
        )}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
