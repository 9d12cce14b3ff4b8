import { useEffect } from "react";
import { useRouteError } from "react-router";
import { readableMessage } from "./messages";

/**
 * What a page that failed to render shows instead of React Router's developer page: what happened in words
 * and what to do, never a stack trace or parser text.
 */
export function RouteError({ serviceName, home }: { serviceName: string; home: string }) {
  const error = useRouteError();
  useEffect(() => {
    document.title = `Sorry, there is a problem – ${serviceName}`;
  }, [serviceName]);
  return (
    <div className="nhsuk-width-container">
      <main className="nhsuk-main-wrapper" id="maincontent">
        <h1>Sorry, there is a problem</h1>
        <p>{readableMessage(error)}</p>
        <p>
          <a href={typeof window === "undefined" ? home : window.location.pathname}>Reload this page</a> or{" "}
          <a href={home}>go to the start of {serviceName}</a>. If it keeps happening, tell the national team.
        </p>
      </main>
    </div>
  );
}
