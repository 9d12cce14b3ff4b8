import { EvidenceLinkSchema } from "@realise/domain";
import { TRPCClientError } from "@trpc/client";
import { useRef } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConflictNotice } from "../src/forms/ConflictNotice";
import { FormErrorSummary } from "../src/forms/FormErrorSummary";
import { useSchemaForm } from "../src/forms/useSchemaForm";

function refused(data: Record<string, unknown>, message = "Refused") {
  return new TRPCClientError(message, { result: { error: { code: -32600, message, data } } as never });
}

/**
 * An evidence link form as an app writes it, answered once by `error` (the server's refusal). Server-side
 * rendering has no effects, so the refusal is applied while rendering, as a mutation's onError would.
 */
function EvidenceForm({ error }: { error: unknown }) {
  const form = useSchemaForm({
    schema: EvidenceLinkSchema,
    defaultValues: { label: "Audit", url: "" },
    serverPath: "values.evidence.0",
  });
  const answered = useRef(false);
  if (!answered.current) {
    answered.current = true;
    form.failed(error);
  }
  const label = form.field("label");
  const url = form.field("url");
  return (
    <>
      <FormErrorSummary {...form.summary} locate={() => null} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <form>
        <input id={label.id} name={label.name} aria-label="Label" />
        <p className="label-error">{label.error}</p>
        <input id={url.id} name={url.name} aria-label="Link" />
        <p className="url-error">{url.error}</p>
      </form>
    </>
  );
}

describe("the form binding with a server's answer", () => {
  it("puts the server's fieldErrors on the fields they name, and the rest in the summary", () => {
    const html = renderToString(
      <EvidenceForm
        error={refused({
          code: "BAD_REQUEST",
          fieldErrors: {
            "values.evidence.0.url": "Evidence link must be a web address starting with http:// or https://",
            odsCode: "No trust has that ODS code",
          },
        })}
      />,
    );
    expect(html).toMatch(/class="url-error">Evidence link must be a web address/);
    expect(html).toContain('class="label-error"></p>');
    // Each field's id is its name, so the summary's links and the messages' aria-describedby find it.
    expect(html).toContain('id="url"');
    expect(html).toContain("There is a problem");
    expect(html).toContain("No trust has that ODS code");
  });

  it("shows a conflict with the conflict notice, not as a field message", () => {
    const html = renderToString(
      <EvidenceForm error={refused({ code: "CONFLICT", conflict: { current: null, changedFields: [] } })} />,
    );
    expect(html).toContain("Someone else changed this record");
    expect(html).not.toContain("There is a problem");
  });
});
