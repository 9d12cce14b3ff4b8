import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatPercent, label, TRUST_TYPE_LABELS } from "../src/labels";
import { Layout } from "../src/Layout";
import { Empty, LoadError } from "../src/states";

describe("layout and states", () => {
  it("renders the NHS frame with a skip link, the service name, navigation and a focusable main", () => {
    const html = renderToString(
      <Layout serviceName="Realise" serviceHref="/" nav={[{ href: "/", text: "Trusts", current: true }]}>
        <h1>Hello</h1>
      </Layout>,
    );
    expect(html).toContain('href="#maincontent"');
    expect(html).toContain("Realise");
    expect(html).toMatch(/<main[^>]*id="maincontent"/);
    expect(html).toContain("Trusts");
    expect(html).toContain("<h1>Hello</h1>");
  });

  it("shows a load error in the NHS error summary with the server's message, escaped", () => {
    const html = renderToString(<LoadError error={{ message: "No trust has the ODS code <ZZZ>" }} />);
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
});
