import { TRPCClientError } from "@trpc/client";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { formatPercent, label, TRUST_TYPE_LABELS } from "../src/labels";
import { Layout } from "../src/Layout";
import { NETWORK_PROBLEM, readableMessage, SERVER_PROBLEM } from "../src/messages";
import { Empty, LoadError } from "../src/states";

const refused = (code: string | undefined, message: string) =>
  new TRPCClientError(message, {
    result: { error: { code: -32600, message, data: code ? { code } : undefined } } as never,
  });

describe("layout and states", () => {
  it("renders the NHS frame with a skip link, the service name, navigation and a focusable main", () => {
    const router = createMemoryRouter([
      {
        path: "/",
        handle: { title: "Trusts" },
        element: (
          <Layout serviceName="Realise" serviceHref="/" nav={[{ href: "/", text: "Trusts", current: true }]}>
            <h1>Hello</h1>
          </Layout>
        ),
      },
    ]);
    const html = renderToString(<RouterProvider router={router} />);
    expect(html).toContain('href="#maincontent"');
    expect(html).toContain("Realise");
    expect(html).toMatch(/<main[^>]*id="maincontent"/);
    expect(html).toContain("Trusts");
    expect(html).toContain("<h1>Hello</h1>");
  });

  it("shows a load error in the NHS error summary with the server's message, escaped", () => {
    const html = renderToString(
      <LoadError error={refused("NOT_FOUND", "No trust has the ODS code <ZZZ>")} />,
    );
    expect(html).toContain("There is a problem");
    expect(html).toContain("No trust has the ODS code &lt;ZZZ&gt;");
    expect(renderToString(<Empty>Nothing here</Empty>)).toContain("Nothing here");
  });

  it("labels codes in plain English and says when a value is not known", () => {
    expect(label(TRUST_TYPE_LABELS, "mental_health")).toBe("Mental health");
    expect(label(TRUST_TYPE_LABELS, null)).toBe("Not known");
    expect(label(TRUST_TYPE_LABELS, "new_type")).toBe("new_type");
    expect(formatPercent(62.4)).toBe("62%");
    expect(formatPercent(null)).toBe("–");
  });

  it("never shows raw parser or network text: it says what to do instead", () => {
    // A proxy's HTML page where JSON was expected: the client's parser message has no tRPC code.
    const parser = refused(undefined, "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON");
    expect(readableMessage(parser)).toBe(NETWORK_PROBLEM);
    expect(readableMessage(new TypeError("Failed to fetch"))).toBe(NETWORK_PROBLEM);
    expect(readableMessage(refused("INTERNAL_SERVER_ERROR", 'relation "x" does not exist'))).toBe(
      SERVER_PROBLEM,
    );
    expect(readableMessage(refused("TOO_MANY_REQUESTS", "429"))).toMatch(/Wait a minute/);
    expect(readableMessage(new Error("Failed to fetch dynamically imported module: /assets/x.js"))).toMatch(
      /Reload the page/,
    );
    // The server's own messages, written for people, are kept.
    expect(readableMessage(refused("FORBIDDEN", "Your account cannot see trust RGT"))).toBe(
      "Your account cannot see trust RGT",
    );
    const html = renderToString(<LoadError error={parser} />);
    expect(html).not.toContain("DOCTYPE");
    expect(html).toContain("Check your connection");
  });
});
