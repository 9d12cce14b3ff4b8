import type { Framework } from "./schema.js";

/** What changed between two framework versions. */
export interface FrameworkDiff {
  added: Array<{ code: string; name: string }>;
  removed: Array<{ code: string; name: string }>;
  changed: Array<{ code: string; fields: string[] }>;
  criteriaChanged: { added: string[]; removed: string[]; changed: Array<{ id: string; fields: string[] }> };
  tiersChanged: Array<{ number: number; fields: string[] }>;
  benefitTypesChanged: {
    added: string[];
    removed: string[];
    changed: Array<{ code: string; fields: string[] }>;
  };
  milestonesChanged: { added: string[]; removed: string[]; changed: Array<{ id: string; fields: string[] }> };
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
  const changed: Array<{ key: string; fields: string[] }> = [];
  for (const [k, x] of am) {
    const y = bm.get(k);
    if (!y) continue;
    const fields = changedFields(x, y);
    if (fields.length > 0) changed.push({ key: k, fields });
  }
  return { added, removed, changed, am, bm };
}

/**
 * What a new framework version changes: functionalities, criteria, tiers, benefit types and milestones.
 *
 * Why: a new version is a copy that is edited; reviewers and the crosswalk need to see exactly what moved, and
 * cross-version comparisons must be flagged (DMA warns question-set changes limit comparison).
 */
export function diffFrameworks(a: Framework, b: Framework): FrameworkDiff {
  const f = diffBy(a.functionalities, b.functionalities, (x) => x.code);
  const c = diffBy(a.criteria, b.criteria, (x) => x.id);
  const t = diffBy(a.tiers, b.tiers, (x) => String(x.number));
  const bt = diffBy(a.benefitTypes, b.benefitTypes, (x) => x.code);
  const m = diffBy(a.milestones, b.milestones, (x) => x.id);
  return {
    added: f.added.map((code) => ({ code, name: f.bm.get(code)!.name })),
    removed: f.removed.map((code) => ({ code, name: f.am.get(code)!.name })),
    changed: f.changed.map(({ key, fields }) => ({ code: key, fields })),
    criteriaChanged: {
      added: c.added,
      removed: c.removed,
      changed: c.changed.map(({ key, fields }) => ({ id: key, fields })),
    },
    tiersChanged: [
      ...t.changed.map(({ key, fields }) => ({ number: Number(key), fields })),
      ...t.added.map((k) => ({ number: Number(k), fields: ["added"] })),
      ...t.removed.map((k) => ({ number: Number(k), fields: ["removed"] })),
    ],
    benefitTypesChanged: {
      added: bt.added,
      removed: bt.removed,
      changed: bt.changed.map(({ key, fields }) => ({ code: key, fields })),
    },
    milestonesChanged: {
      added: m.added,
      removed: m.removed,
      changed: m.changed.map(({ key, fields }) => ({ id: key, fields })),
    },
  };
}
