import { ErrorSummary, InsetText } from "nhsuk-react-components";
import { readableMessage } from "./messages";

/** Shown while data loads; announced politely to screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="nhsuk-body" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** A failed load, in the NHS error-summary pattern: the server's message, or what to do when it has none. */
export function LoadError({ error }: { error: { message: string } }) {
  return (
    <ErrorSummary>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        <li>{readableMessage(error)}</li>
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** Nothing to show, said plainly. */
export function Empty({ children }: { children: React.ReactNode }) {
  return <InsetText>{children}</InsetText>;
}
