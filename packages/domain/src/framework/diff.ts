import type { Crosswalk } from "../crosswalk/schema.js";
import type { Framework } from "./schema.js";

/** One value that changed, at a dotted path inside the item ("thresholds.l3.coveragePct"), in words. */
export interface ValueChange {
  path: string;
  before: string;
  after: string;
}

/** What changed between two framework versions. */
export interface FrameworkDiff {
  added: Array<{ code: string; name: string }>;
  removed: Array<{ code: string; name: string }>;
  changed: Array<{ code: string; fields: string[]; values: ValueChange[] }>;
  /** A functionality under a new code, matched by the crosswalk's renamed entry (not added + removed). */
  renamed: Array<{ from: string; to: string; fromName: string; toName: string; values: ValueChange[] }>;
  criteriaChanged: {
    added: string[];
    removed: string[];
    changed: Array<{ id: string; fields: string[]; values: ValueChange[] }>;
  };
  tiersChanged: Array<{ number: number; fields: string[]; values: ValueChange[] }>;
  benefitTypesChanged: {
    added: string[];
    removed: string[];
    changed: Array<{ code: string; fields: string[]; values: ValueChange[] }>;
  };
  milestonesChanged: {
    added: string[];
    removed: string[];
    changed: Array<{ id: string; fields: string[]; values: ValueChange[] }>;
  };
}

/** A leaf value in words: "none" for a missing one, lists joined, yes/no for true/false. */
function words(v: unknown): string {
  if (v === undefined || v === null) return "none";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v))
    return v.every((x) => typeof x !== "object" || x === null) ? v.join(", ") || "none" : stable(v);
  if (typeof v === "object") return stable(v);
  return String(v);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Every leaf that differs between two items, before → after, by dotted path. */
export function valueChanges(a: unknown, b: unknown, path = ""): ValueChange[] {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => valueChanges(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if (stable(a) === stable(b)) return [];
  return [{ path, before: words(a), after: words(b) }];
}

/** JSON with sorted keys, so field order does not count as a change. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function changedFields(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((k) => stable((a as Record<string, unknown>)[k]) !== stable((b as Record<string, unknown>)[k]))
    .sort();
}

function diffBy<T extends object>(a: readonly T[], b: readonly T[], key: (t: T) => string) {
  const am = new Map(a.map((x) => [key(x), x]));
  const bm = new Map(b.map((x) => [key(x), x]));
  const added = [...bm.keys()].filter((k) => !am.has(k));
  const removed = [...am.keys()].filter((k) => !bm.has(k));
  const changed: Array<{ key: string; fields: string[]; values: ValueChange[] }> = [];
  for (const [k, x] of am) {
    const y = bm.get(k);
    if (!y) continue;
    const fields = changedFields(x, y);
    if (fields.length > 0) changed.push({ key: k, fields, values: valueChanges(x, y) });
  }
  return { added, removed, changed, am, bm };
}

/**
 * What a new framework version changes: functionalities, criteria, tiers, benefit types and milestones,
 * each change with its values before → after. With the crosswalk between the two versions, a functionality
 * renamed there is shown as a rename (with what else changed), not as one added and one removed.
 *
 * Why: a new version is a copy that is edited; reviewers and the crosswalk need to see exactly what moved, and
 * cross-version comparisons must be flagged (DMA warns question-set changes limit comparison).
 */
export function diffFrameworks(
  a: Framework,
  b: Framework,
  crosswalk: Crosswalk | null = null,
): FrameworkDiff {
  const f = diffBy(a.functionalities, b.functionalities, (x) => x.code);
  const renamed: FrameworkDiff["renamed"] = [];
  for (const e of crosswalk?.entries ?? []) {
    const [from, to] = [e.from[0]!, e.to[0]!];
    if (e.kind !== "renamed" || !f.removed.includes(from) || !f.added.includes(to)) continue;
    const [x, y] = [f.am.get(from)!, f.bm.get(to)!];
    renamed.push({ from, to, fromName: x.name, toName: y.name, values: valueChanges(x, y) });
  }
  const renamedFrom = new Set(renamed.map((r) => r.from));
  const renamedTo = new Set(renamed.map((r) => r.to));
  const c = diffBy(a.criteria, b.criteria, (x) => x.id);
  const t = diffBy(a.tiers, b.tiers, (x) => String(x.number));
  const bt = diffBy(a.benefitTypes, b.benefitTypes, (x) => x.code);
  const m = diffBy(a.milestones, b.milestones, (x) => x.id);
  return {
    added: f.added
      .filter((code) => !renamedTo.has(code))
      .map((code) => ({ code, name: f.bm.get(code)!.name })),
    removed: f.removed
      .filter((code) => !renamedFrom.has(code))
      .map((code) => ({ code, name: f.am.get(code)!.name })),
    changed: f.changed.map(({ key, fields, values }) => ({ code: key, fields, values })),
    renamed,
    criteriaChanged: {
      added: c.added,
      removed: c.removed,
      changed: c.changed.map(({ key, fields, values }) => ({ id: key, fields, values })),
    },
    tiersChanged: [
      ...t.changed.map(({ key, fields, values }) => ({ number: Number(key), fields, values })),
      ...t.added.map((k) => ({ number: Number(k), fields: ["added"], values: [] })),
      ...t.removed.map((k) => ({ number: Number(k), fields: ["removed"], values: [] })),
    ],
    benefitTypesChanged: {
      added: bt.added,
      removed: bt.removed,
      changed: bt.changed.map(({ key, fields, values }) => ({ code: key, fields, values })),
    },
    milestonesChanged: {
      added: m.added,
      removed: m.removed,
      changed: m.changed.map(({ key, fields, values }) => ({ id: key, fields, values })),
    },
  };
}
