import { databaseDigest } from "@realise/db";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Principal, Role } from "@realise/domain";
import { appRouter } from "../../src/router.js";
import { engines, useHarness } from "../support/harness.js";
import { callByPath, procedures, SAMPLES } from "./samples.js";

/** Invalid inputs tried across every mutation: the full run on PGlite, a sample again on PostgreSQL. */
const TARGETS = { pglite: 10_200, postgres: 2_000 };

const HUGE = "x".repeat(1_100_000);
const FRAGMENTS = [
  "' OR '1'='1",
  "'; DROP TABLE audit_log; --",
  "RGT' --",
  "1; DELETE FROM adoption_record",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "\u202eRGT",
  "ＲＧＴ",
  "R\u0301GT",
  "🙂🙂🙂",
  "\u0000",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "2025-02-30",
  "2025/27 Q5",
  "-1",
  "",
  " ",
  "null",
  "__proto__",
];
const WRONG_TYPES: unknown[] = [0, -1, 1.5, true, false, "text", [], [1, 2], {}, { a: 1 }];
const BAD_NUMBERS = [-1, -1e9, 1e15, 0.5, 101, Number.MAX_SAFE_INTEGER + 2, -0.0001];
const NEVER_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

type Path = (string | number)[];
interface Candidate {
  input: unknown;
  path: Path;
  kind: string;
  /** Invalid by construction: the schema must refuse it (otherwise it is a finding, not a skip). */
  mustFail: boolean;
  unknownKey?: string;
}

function nodes(value: unknown, path: Path = []): Array<{ path: Path; value: unknown }> {
  const out: Array<{ path: Path; value: unknown }> = path.length ? [{ path, value }] : [];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...nodes(v, [...path, i]));
  } else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...nodes(v, [...path, k]));
  return out;
}

function setAt(root: unknown, path: Path, replace: (old: unknown) => unknown | typeof DELETE): unknown {
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const next = replace(parent[last]);
  if (next === DELETE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = next;
  return copy;
}
const DELETE = Symbol("delete");

const jsonType = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** Candidates that break a valid sample at one place. */
function candidates(base: unknown): fc.Arbitrary<Candidate> {
  const all = nodes(base);
  const objects: Path[] = [[], ...all.filter((n) => jsonType(n.value) === "object").map((n) => n.path)];
  const byType = (t: string) => all.filter((n) => jsonType(n.value) === t);
  const strings = byType("string");
  const numbers = byType("number");
  const leaves = all.filter(
    (n) => jsonType(n.value) !== "object" || Object.keys(n.value as object).length > 0,
  );
  const arbs: fc.Arbitrary<Candidate>[] = [];
  if (leaves.length) {
    arbs.push(
      fc.tuple(fc.constantFrom(...leaves), fc.constantFrom(...WRONG_TYPES)).map(([n, v]) => ({
        input: setAt(base, n.path, () => v),
        path: n.path,
        kind: "wrong type",
        mustFail:
          jsonType(v) !== jsonType(n.value) && !(jsonType(n.value) === "number" && typeof v === "number"),
      })),
      fc.constantFrom(...leaves).map((n) => ({
        input: setAt(base, n.path, () => DELETE),
        path: n.path,
        kind: "missing",
        mustFail: false,
      })),
    );
  }
  if (strings.length) {
    arbs.push(
      fc.constantFrom(...strings).map((n) => ({
        input: setAt(base, n.path, () => HUGE),
        path: n.path,
        kind: "huge string",
        mustFail: true,
      })),
      fc.tuple(fc.constantFrom(...strings), fc.constantFrom(...FRAGMENTS)).map(([n, v]) => ({
        input: setAt(base, n.path, () => v),
        path: n.path,
        kind: "fragment",
        mustFail: false,
      })),
      fc.tuple(fc.constantFrom(...strings), fc.string({ unit: "grapheme", maxLength: 40 })).map(([n, v]) => ({
        input: setAt(base, n.path, () => v),
        path: n.path,
        kind: "unicode",
        mustFail: false,
      })),
    );
  }
  if (numbers.length) {
    arbs.push(
      fc.tuple(fc.constantFrom(...numbers), fc.constantFrom(...NEVER_NUMBERS)).map(([n, v]) => ({
        input: setAt(base, n.path, () => v),
        path: n.path,
        kind: "not finite",
        mustFail: true,
      })),
      fc
        .tuple(
          fc.constantFrom(...numbers),
          fc.oneof(fc.constantFrom(...BAD_NUMBERS), fc.double({ noNaN: true })),
        )
        .map(([n, v]) => ({
          input: setAt(base, n.path, () => v),
          path: n.path,
          kind: "out of range",
          mustFail: false,
        })),
    );
  }
  arbs.push(
    fc
      .tuple(fc.constantFrom(...objects), fc.constantFrom("extra", "isAdmin", "role", "sql", "odsCodes"))
      .filter(([p, key]) => {
        const target = p.length ? nodes(base).find((n) => n.path.join(".") === p.join("."))?.value : base;
        return !!target && typeof target === "object" && !(key in (target as object));
      })
      .map(([p, key]) => ({
        input: p.length
          ? setAt(base, p, (o) => ({ ...(o as object), [key]: "'; DROP TABLE user; --" }))
          : { ...(base as object), [key]: "'; DROP TABLE user; --" },
        path: [...p, key],
        kind: "unknown field",
        mustFail: true,
        unknownKey: key,
      })),
  );
  if (base === undefined || base === null || typeof base !== "object") {
    return fc
      .constantFrom(...WRONG_TYPES)
      .map((v) => ({ input: v, path: [], kind: "wrong type", mustFail: false }));
  }
  return fc.oneof(...arbs);
}

/** Extra invalid inputs that need knowledge of the rules, per procedure. */
const SPECIAL: Record<string, (base: Record<string, unknown>) => Candidate[]> = {
  "adoption.update": (base) => {
    const values = base.values as Record<string, unknown>;
    return [
      { usageNumerator: 11, usageDenominator: 10 },
      { usageNumerator: 1_000_000, usageDenominator: 1 },
      { usageNumerator: 5, usageDenominator: null },
      { coveragePct: 100.5 },
      { coveragePct: -0.1 },
      { measurementWindowStart: "2025-04-01", measurementWindowEnd: "2025-03-01" },
    ].map((patch) => ({
      input: { ...base, values: { ...values, ...patch } },
      path: ["values", Object.keys(patch)[0]!],
      kind: "rule",
      mustFail: true,
    }));
  },
};

/** The message the client sees: the router's own error formatter applied to the error. */
function userMessage(error: TRPCError, path: string): string {
  const config = (
    appRouter._def as unknown as { _config: { errorFormatter: (o: unknown) => { message: string } } }
  )._config;
  return config.errorFormatter({
    error,
    type: "mutation",
    path,
    input: undefined,
    ctx: undefined,
    shape: { message: error.message, code: -32600, data: { code: error.code, httpStatus: 400, path } },
  }).message;
}

const CROSS_FIELD_KINDS = ["out of range", "rule", "missing", "fragment", "unicode"];

function principalFor(rule: { kind: string; trustRoles?: readonly Role[]; roles?: readonly Role[] }): Role {
  if (rule.kind === "trust")
    return (rule.trustRoles ?? []).includes("trust_editor") ? "trust_editor" : "trust_approver";
  if (rule.kind === "national")
    return (rule.roles ?? []).includes("national_admin") ? "national_admin" : "national_analyst";
  return "national_admin";
}

const EMAIL: Record<Role, string> = {
  trust_viewer: "viewer.rgt@demo.realise",
  trust_editor: "editor.rgt@demo.realise",
  trust_approver: "approver.rgt@demo.realise",
  national_admin: "admin@demo.realise",
  national_analyst: "analyst@demo.realise",
  icb_viewer: "icb@demo.realise",
  region_viewer: "region@demo.realise",
};

describe.each(engines)("bad input on %s", (engine) => {
  const h = useHarness(engine);

  const TARGET = TARGETS[engine];
  it(`answers ${TARGET}+ invalid inputs across every mutation with 4xx naming the field, changing no row`, async () => {
    const mutations = procedures().filter((p) => p.type === "mutation" && p.access && SAMPLES[p.path]);
    expect(mutations.length).toBeGreaterThan(5);
    const before = await databaseDigest(h.database.db, { exclude: ["session"] });
    const perMutation = Math.ceil(TARGET / mutations.length);
    const failures: string[] = [];
    const seen = new Set<string>();
    // One line per kind of failure (indices and values folded), so a gap reads once.
    const record = (msg: string) => {
      const key = msg
        .replace(/\.\d+(?=[.: ])/g, ".N")
        .replace(/(answered \w+|does not name the field).*/, "$1");
      if (seen.has(key)) return;
      seen.add(key);
      failures.push(msg);
    };
    let tried = 0;
    let skippedValid = 0;
    const principals = new Map<Role, Principal>();
    const schemaOf = (path: string) => {
      const def = (
        appRouter._def as unknown as { procedures: Record<string, { _def: { inputs: unknown[] } }> }
      ).procedures[path]!._def;
      return def.inputs[0] as { safeParse(v: unknown): { success: boolean } } | undefined;
    };
    let seed = 42;
    for (const p of mutations) {
      const role = principalFor(p.access as never);
      const principal = principals.get(role) ?? (await h.principal(EMAIL[role]));
      principals.set(role, principal);
      const base = SAMPLES[p.path]!("RGT");
      const schema = schemaOf(p.path);
      const special = SPECIAL[p.path]?.(base as Record<string, unknown>) ?? [];
      let done = 0;
      const check = async (c: Candidate) => {
        const parsed = schema ? schema.safeParse(c.input).success : true;
        if (parsed && !c.mustFail) {
          skippedValid++;
          return;
        }
        tried++;
        done++;
        try {
          await callByPath(h.as(principal), p.path, c.input);
          record(`${p.path}: ${c.kind} at ${c.path.join(".")} was accepted`);
        } catch (error) {
          if (!(error instanceof TRPCError)) {
            record(`${p.path}: ${c.kind} at ${c.path.join(".")} threw ${String(error)}`);
            return;
          }
          const status = error.code;
          // Access is decided before parsing: a broken odsCode is someone else's trust, so FORBIDDEN.
          if (status === "FORBIDDEN" && c.path[0] === "odsCode") return;
          if (status !== "BAD_REQUEST") {
            record(
              `${p.path}: ${c.kind} at ${c.path.join(".")} answered ${status}: ${error.message.slice(0, 200)}`,
            );
            return;
          }
          const message = userMessage(error, p.path);
          const field = c.path.join(".");
          const parent = c.path.slice(0, -1).join(".");
          const named =
            (field && message.includes(field)) ||
            (c.unknownKey && message.includes(c.unknownKey)) ||
            // A rule between two fields names one of them (e.g. numerator against denominator).
            (parent && message.includes(`${parent}.`)) ||
            // A value of the right type that breaks a rule across fields may be reported on the other field.
            (CROSS_FIELD_KINDS.includes(c.kind) && message.startsWith(`${String(c.path[0])}.`)) ||
            (!field && message.includes("(input)"));
          if (!named)
            record(
              `${p.path}: ${c.kind} at ${field}: message does not name the field: ${message.slice(0, 200)}`,
            );
        }
      };
      for (const c of special) await check(c);
      const arb = candidates(base);
      for (let round = 0; done < perMutation && round < 20; round++) {
        for (const c of fc.sample(arb, { numRuns: perMutation, seed: seed++ })) {
          if (done >= perMutation) break;
          await check(c);
        }
      }
    }
    const after = await databaseDigest(h.database.db, { exclude: ["session"] });
    console.info(
      `[safety] fuzz on ${engine}: ${tried} invalid inputs across ${mutations.length} mutations (${skippedValid} generated inputs were valid and skipped)`,
    );
    expect(failures).toEqual([]);
    expect(after.tables).toEqual(before.tables);
    expect(after.digest).toBe(before.digest);
    expect(tried).toBeGreaterThanOrEqual(TARGET);
  });
});
