import { TRPCClientError } from "@trpc/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ConflictNotice } from "../src/forms/ConflictNotice";
import { FormErrorSummary, focusSummary } from "../src/forms/FormErrorSummary";
import { flattenErrors, inPageOrder, serverProblemsOf, stripPrefix } from "../src/forms/problems";
import { parsers } from "../src/forms/useSchemaForm";

/** A stand-in for elements on a page: `at` is the element's position in document order. */
const at = (position: number, id = `field-${position}`) => ({
  id,
  compareDocumentPosition: (other: Node) =>
    (other as unknown as { position: number }).position > position ? 4 : 2,
  position,
});

function trpcError(data: Record<string, unknown>, message = "Refused") {
  return new TRPCClientError(message, { result: { error: { code: -32600, message, data } } as never });
}

describe("the error summary", () => {
  it("lists field messages in the order the fields are on the page, then the form's own messages", () => {
    const positions: Record<string, number> = {
      coveragePct: 1,
      "evidence.0.url": 5,
      trajectory: 7,
      claimReason: 9,
    };
    const lines = inPageOrder(
      {
        claimReason: "Claim reason is required",
        "trajectory.1.date": "Bad date",
        "evidence.0.url": "Bad link",
        coveragePct: "Too high",
        gone: "?",
      },
      ["The return is locked"],
      (name) => (name in positions ? at(positions[name] ?? 0, name.replace(/\./g, "-")) : null),
    );
    expect(lines.map((l) => [l.message, l.href])).toEqual([
      ["Too high", "coveragePct"],
      ["Bad link", "evidence-0-url"],
      // A part of a field without its own box links to the box that holds it.
      ["Bad date", "trajectory"],
      ["Claim reason is required", "claimReason"],
      ["?", null],
      ["The return is locked", null],
    ]);

    const html = renderToString(
      <FormErrorSummary
        fields={{ claimReason: "Claim reason is required", coveragePct: "Too high" }}
        general={["The return is locked"]}
        attempt={1}
        locate={(name) => at(name === "coveragePct" ? 1 : 2, name)}
      />,
    );
    expect(html).toContain("There is a problem");
    const order = ["Too high", "Claim reason is required", "The return is locked"].map((t) =>
      html.indexOf(t),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('href="#coveragePct"');
    expect(html).toContain('href="#claimReason"');
    // Focusable, so focus can be moved to it when a submit fails.
    expect(html).toMatch(
      /class="nhsuk-error-summary"[^>]*tabindex="-1"|tabindex="-1"[^>]*class="nhsuk-error-summary"/,
    );
    expect(renderToString(<FormErrorSummary fields={{}} attempt={0} />)).toBe("");
  });

  it("moves focus to the summary when it is drawn", () => {
    const summary = { focus: vi.fn() };
    focusSummary(summary);
    expect(summary.focus).toHaveBeenCalledOnce();
  });

  it("flattens nested form errors to dotted field names, an array's own message under the array", () => {
    expect(
      flattenErrors({
        coveragePct: { type: "too_big", message: "Too high" },
        thresholds: { l4: { coveragePct: { type: "custom", message: "Below L3" } } },
        evidence: Object.assign([undefined, { url: { type: "invalid", message: "Bad link" } }], {
          root: { type: "too_big", message: "At most 20" },
        }),
      } as never),
    ).toEqual({
      coveragePct: "Too high",
      "thresholds.l4.coveragePct": "Below L3",
      "evidence.1.url": "Bad link",
      evidence: "At most 20",
    });
  });
});

describe("server problems", () => {
  it("maps the server's fieldErrors onto the form's fields, and lists the rest without a link", () => {
    const problems = serverProblemsOf(
      trpcError({
        code: "BAD_REQUEST",
        fieldErrors: { "values.coveragePct": "Coverage must be between 0 and 100", odsCode: "Unknown trust" },
      }),
      stripPrefix("values"),
    );
    expect(problems).toEqual({
      fields: { coveragePct: "Coverage must be between 0 and 100" },
      general: ["Unknown trust"],
      conflict: null,
    });
    expect(serverProblemsOf(trpcError({ code: "PRECONDITION_FAILED" }, "Locked"), stripPrefix(""))).toEqual({
      fields: {},
      general: ["Locked"],
      conflict: null,
    });
  });

  it("keeps a conflict for the conflict notice, which shows who saved and what differs", () => {
    const conflict = {
      current: { version: 4, notes: "theirs", updatedBy: "a@b.nhs.uk" },
      changedFields: ["notes"],
    };
    const problems = serverProblemsOf(trpcError({ code: "CONFLICT", conflict }), stripPrefix("values"));
    expect(problems.conflict).toEqual(conflict);
    const html = renderToString(
      <ConflictNotice
        conflict={problems.conflict!}
        yours={{ notes: "mine" }}
        fieldLabel={(f) => (f === "notes" ? "Notes" : f)}
        onLoadLatest={() => {}}
      />,
    );
    expect(html).toContain("Someone else changed this record");
    expect(html).toContain("a@b.nhs.uk");
    expect(html).toContain("theirs");
    expect(html).toContain("mine");
    expect(html).toContain("Load the latest values");
    expect(renderToString(<ConflictNotice conflict={{ current: null, changedFields: [] }} />)).toContain(
      "Reload the page",
    );
  });
});

describe("the form binding", () => {
  it("turns typed text into the schema's values, keeping what cannot be read for the schema to name", () => {
    expect(parsers.number?.("500,000")).toBe(500000);
    expect(parsers.number?.("")).toBeNaN();
    expect(parsers.number?.("lots")).toBeNaN();
    expect(parsers.optionalNumber?.(" ")).toBeNull();
    expect(parsers.optionalNumber?.("88")).toBe(88);
    expect(parsers.optionalText?.("")).toBeNull();
    expect(parsers.optionalText?.("Epic")).toBe("Epic");
    expect(parsers.text).toBeUndefined();
  });
});
