import { LoadError, readableMessage } from "@realise/ui";
import { TRPCClientError } from "@trpc/client";
import { Link, useLocation } from "react-router";
import { homeOf, useMe } from "../session";

/** The tRPC error code of a failed call (UNAUTHORIZED, FORBIDDEN, NOT_FOUND…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof TRPCClientError) return (error.data as { code?: string } | undefined)?.code;
  return undefined;
}

/**
 * A page-level failure said plainly: signed out gets a sign-in link, another trust's data gets a clear
 * refusal (and nothing of the data), anything else the server's message.
 */
export function Problem({ error, what }: { error: { message: string }; what: string }) {
  const { pathname } = useLocation();
  const me = useMe();
  const code = errorCode(error);
  if (code === "UNAUTHORIZED") {
    return (
      <>
        <h1>Sign in to see {what}</h1>
        <p>
          Only signed-in staff can see this page.{" "}
          <Link to={`/sign-in?next=${encodeURIComponent(pathname)}`}>Sign in</Link>
        </p>
      </>
    );
  }
  if (code === "FORBIDDEN") {
    return (
      <>
        <h1>Your account cannot see this trust</h1>
        <p>{readableMessage(error)}.</p>
        <p>Staff can see and change only their own trust's records.</p>
        {me.data && (
          <p>
            <a href={homeOf(me.data)}>
              Go to your own {me.data.odsCode ? "trust's dashboard" : "national view"}
            </a>
          </p>
        )}
      </>
    );
  }
  if (code === "NOT_FOUND") {
    return (
      <>
        <h1>Not found</h1>
        <LoadError error={error} />
        <Link to="/">Go to the list of trusts</Link>
      </>
    );
  }
  return (
    <>
      <h1>Sorry, there is a problem</h1>
      <p>{readableMessage(error)}</p>
      <p>
        <a href={pathname}>Reload this page</a> or <Link to="/">go to the list of trusts</Link>. If it keeps
        happening, tell your trust's Realise approver or the national team.
      </p>
    </>
  );
}
