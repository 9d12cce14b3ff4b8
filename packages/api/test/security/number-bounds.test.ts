import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../../src/router.js";

/** Money is at most £10 bn a year; counts and any other number at most 10⁹ (money is the larger of the two). */
const LARGEST = 10_000_000_000;

interface Unbounded {
  path: string;
  why: string;
}

/** Every number in a JSON Schema that lacks a finite lower or upper bound within ±£10 bn. */
function unbounded(schema: unknown, path: string, out: Unbounded[]): Unbounded[] {
  if (!schema || typeof schema !== "object") return out;
  const s = schema as Record<string, unknown>;
  if (s.type === "number" || s.type === "integer") {
    const min = (s.minimum ?? s.exclusiveMinimum) as number | undefined;
    const max = (s.maximum ?? s.exclusiveMaximum) as number | undefined;
    if (typeof min !== "number" || typeof max !== "number") out.push({ path, why: "no bound" });
    else if (Math.abs(min) > LARGEST || Math.abs(max) > LARGEST)
      out.push({ path, why: `bound ${min}..${max}` });
  }
  for (const [key, value] of Object.entries(s)) {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) unbounded(v, `${path}.${key}[${i}]`, out);
    } else if (value && typeof value === "object") unbounded(value, `${path}.${key}`, out);
  }
  return out;
}

describe("every number a procedure accepts is bounded", () => {
  it("has a finite minimum and maximum no larger than £10 bn", () => {
    const record = (appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures;
    const problems: string[] = [];
    for (const [name, proc] of Object.entries(record)) {
      const inputs = (proc as { _def: { inputs?: unknown[] } })._def.inputs ?? [];
      for (const input of inputs) {
        const json = z.toJSONSchema(input as z.ZodType, { io: "input", unrepresentable: "any" });
        for (const p of unbounded(json, name, [])) problems.push(`${p.path} (${p.why})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the check notices an unbounded number", () => {
    const json = z.toJSONSchema(z.object({ n: z.number().min(0) }), { io: "input" });
    expect(unbounded(json, "x", [])).toHaveLength(1);
  });
});
