import { LoadError } from "@realise/ui";
import { InsetText } from "nhsuk-react-components";

/** A load failure; when the cause is no session, the way to sign in rather than a bare error. */
export function ViewError({ error }: { error: { message: string; data?: { code?: string } | null } }) {
  if (error.data?.code === "UNAUTHORIZED") {
    const next = `${window.location.pathname}${window.location.search}`;
    return (
      <InsetText>
        <p>
          This page is for the national team.{" "}
          <a href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in to see it</a>.
        </p>
      </InsetText>
    );
  }
  return <LoadError error={error} />;
}
