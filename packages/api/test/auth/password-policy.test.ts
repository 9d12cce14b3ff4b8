import { describe, expect, it } from "vitest";
import { passwordProblem } from "../../src/auth/password-policy.js";

describe("password policy", () => {
  it.each(["password12", "Summer2026!", "qwertyuiop123"])(
    "refuses the common password %s, saying why",
    (password) => {
      expect(passwordProblem(password)).toMatch(/^Password is too easy to guess: .+/);
    },
  );

  it("refuses a password built from the account's own name", () => {
    expect(passwordProblem("janesmith2026", ["jane.smith@nhs.net", "Jane Smith"])).toMatch(
      /too easy to guess/,
    );
  });

  it("bounds the length", () => {
    expect(passwordProblem("Xk9#q2")).toBe("Password must be at least 10 characters");
    expect(passwordProblem("glacier pomelo ".repeat(10))).toBe("Password must be at most 128 characters");
  });

  it("accepts a passphrase of uncommon words", () => {
    expect(passwordProblem("glacier-pomelo-mantis-42", ["jane.smith@nhs.net"])).toBeNull();
  });
});
