import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "../src/security/safe-next.js";

/** The tricks browsers honour to turn a path into another host or a script. */
export const TRICKS = [
  "//evil.example",
  "//evil.example/trusts",
  "/\\evil.example",
  "\\\\evil.example",
  "/%2Fevil.example",
  "%2F%2Fevil.example",
  "/%252Fevil.example",
  "/%5Cevil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "/javascript:alert(1)".slice(1),
  "https://evil.example",
  "http:evil.example",
  " //evil.example",
  "/%",
  "/sign-in",
  "",
];

describe("safeNextPath", () => {
  it("refuses every trick", () => {
    for (const trick of TRICKS) expect(safeNextPath(trick), JSON.stringify(trick)).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });

  it("keeps same-origin paths, normalised", () => {
    expect(safeNextPath("/trusts/RGT/dashboard")).toBe("/trusts/RGT/dashboard");
    expect(safeNextPath("/admin/national?view=region#top")).toBe("/admin/national?view=region#top");
    expect(safeNextPath("/trusts/../admin/")).toBe("/admin/");
  });

  it("never answers anything that resolves off this origin", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        for (const candidate of [s, `/${s}`]) {
          const path = safeNextPath(candidate);
          if (path === null) continue;
          expect(path.startsWith("/")).toBe(true);
          expect(path.startsWith("//")).toBe(false);
          expect(new URL(path, "https://a.example").origin).toBe("https://a.example");
        }
      }),
    );
  });
});
