import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SIGN_IN_THROTTLE, signInDelaySeconds } from "../src/security/sign-in-throttle.js";

describe("sign-in delays", () => {
  it("lets the first failures through, then doubles up to the cap", () => {
    expect(signInDelaySeconds("account_address", 4)).toBe(0);
    expect(signInDelaySeconds("account_address", 5)).toBe(30);
    expect(signInDelaySeconds("account_address", 6)).toBe(60);
    expect(signInDelaySeconds("account_address", 1000)).toBe(3600);
    expect(signInDelaySeconds("address", 29)).toBe(0);
    expect(signInDelaySeconds("address", 30)).toBe(60);
  });

  it("never shrinks as failures grow and never passes the cap", () => {
    fc.assert(
      fc.property(fc.constantFrom("account_address", "address" as const), fc.nat(10_000), (scope, n) => {
        const a = signInDelaySeconds(scope as "address", n);
        expect(signInDelaySeconds(scope as "address", n + 1)).toBeGreaterThanOrEqual(a);
        expect(a).toBeLessThanOrEqual(SIGN_IN_THROTTLE[scope as "address"].maxDelaySeconds);
      }),
    );
  });
});
