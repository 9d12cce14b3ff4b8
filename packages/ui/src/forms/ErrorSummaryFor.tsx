import { ErrorSummary } from "nhsuk-react-components";
import type { FieldMessages } from "./errors";

/**
 * The NHS error summary for a form: each field message links to the field's id; other messages
 * (a conflict, a refused state) are listed plainly after them. Renders nothing when all is well.
 */
export function ErrorSummaryFor({
  errors,
  attempt,
  messages = [],
  order,
  hrefOf = (id) => `#${id}`,
  linked = () => true,
}: {
  errors: Readonly<FieldMessages>;
  /** The submission count: a new key re-renders the summary so it takes focus again. */
  attempt: number;
  messages?: readonly string[];
  /** Field ids in the order the form shows them; fields not named are left out of the list. */
  order?: readonly string[];
  hrefOf?: (id: string) => string;
  /** Whether a field is on this page; a message for a field elsewhere is listed without a link. */
  linked?: (id: string) => boolean;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0 && messages.length === 0) return null;
  const listed = order
    ? order.flatMap((id) => (id in errors ? [[id, errors[id] ?? ""] as const] : []))
    : entries;
  return (
    <ErrorSummary key={attempt}>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {listed.map(([id, message]) =>
          linked(id) ? (
            <ErrorSummary.ListItem key={id} href={hrefOf(id)}>
              {message}
            </ErrorSummary.ListItem>
          ) : (
            <li key={id}>{message}</li>
          ),
        )}
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
