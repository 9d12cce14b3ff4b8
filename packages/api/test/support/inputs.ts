import type { AdoptionInput } from "@realise/domain";
import { expect } from "vitest";

/** An adoption input with every measure empty: tests spread it and set only what they exercise. */
export const blankAdoption: AdoptionInput = {
  coveragePct: null,
  usageNumerator: null,
  usageDenominator: null,
  measurementWindowStart: null,
  measurementWindowEnd: null,
  paperRetired: false,
  plannedGoLive: null,
  claimedLevel: null,
  claimReason: null,
  evidence: [],
  notes: "",
};

/** The fields a BAD_REQUEST names, as "path: message", whether the schema or the data refused. */
export async function badRequest(call: Promise<unknown>): Promise<string[]> {
  const error = await call.then(
    () => {
      throw new Error("expected BAD_REQUEST");
    },
    (e: unknown) =>
      e as { code?: string; cause?: { issues?: Array<{ path: PropertyKey[]; message: string }> } },
  );
  expect(error.code).toBe("BAD_REQUEST");
  return (error.cause?.issues ?? []).map((i) => `${i.path.map(String).join(".")}: ${i.message}`);
}
