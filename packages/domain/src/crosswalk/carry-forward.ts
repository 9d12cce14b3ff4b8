import type { Crosswalk, CrosswalkEntry } from "./schema.js";

/** A record carried into the new version. */
export type CarriedRecord<T> = T & {
  functionalityCode: string;
  /** The old codes it came from. */
  carriedFrom: string[];
  /** Split and merged carries are a starting point a trust should review. */
  needsReview: boolean;
};

/** The outcome of carrying records forward. */
export interface CarryForwardResult<T> {
  carried: Array<CarriedRecord<T>>;
  notCarried: Array<{ functionalityCode: string; odsCode?: string; reason: string; record: T }>;
}

/**
 * Carries adoption records into a new framework version through its crosswalk. Kept and renamed records move
 * as they are; a split copies the record to each new code; a merge keeps the lowest level of the trust's
 * records (all sources needed); retired and unmapped records are returned with a reason.
 *
 * Why: trends must survive criteria changes, and no record may vanish silently: every input is either
 * carried (named in `carriedFrom`) or listed in `notCarried`.
 */
export function carryForward<T extends { functionalityCode: string; odsCode?: string; level?: number }>(
  crosswalk: Crosswalk,
  records: readonly T[],
): CarryForwardResult<T> {
  const entryOf = new Map<string, CrosswalkEntry>();
  for (const e of crosswalk.entries) for (const code of e.from) entryOf.set(code, e);
  const carried: Array<CarriedRecord<T>> = [];
  const notCarried: CarryForwardResult<T>["notCarried"] = [];
  const merges = new Map<string, { entry: CrosswalkEntry; records: T[] }>();
  const ods = (r: T) => (r.odsCode === undefined ? {} : { odsCode: r.odsCode });

  for (const record of records) {
    const code = record.functionalityCode;
    const entry = entryOf.get(code);
    if (!entry) {
      notCarried.push({
        functionalityCode: code,
        ...ods(record),
        reason: `${code} is not in the crosswalk from version ${crosswalk.fromVersion} to ${crosswalk.toVersion}`,
        record,
      });
      continue;
    }
    switch (entry.kind) {
      case "kept":
      case "renamed":
        carried.push({ ...record, functionalityCode: entry.to[0]!, carriedFrom: [code], needsReview: false });
        break;
      case "split":
        for (const to of entry.to)
          carried.push({ ...record, functionalityCode: to, carriedFrom: [code], needsReview: true });
        break;
      case "retired":
        notCarried.push({
          functionalityCode: code,
          ...ods(record),
          reason: `${code} was retired in version ${crosswalk.toVersion}`,
          record,
        });
        break;
      case "merged": {
        const key = `${record.odsCode ?? ""}\u0000${entry.to[0]}`;
        const m = merges.get(key) ?? { entry, records: [] };
        m.records.push(record);
        merges.set(key, m);
        break;
      }
    }
  }

  for (const { entry, records: group } of merges.values()) {
    const to = entry.to[0]!;
    const present = new Set(group.map((r) => r.functionalityCode));
    const missing = entry.from.filter((code) => !present.has(code));
    if (missing.length > 0 || present.size !== group.length) {
      const reason =
        missing.length > 0
          ? `${to} merges ${entry.from.join(", ")}; no record for ${missing.join(", ")}, so the merged level cannot be set`
          : `${to} merges ${entry.from.join(", ")}; more than one record for the same functionality, so the merged level is ambiguous`;
      for (const r of group)
        notCarried.push({ functionalityCode: r.functionalityCode, ...ods(r), reason, record: r });
      continue;
    }
    // The lowest level is the merged level: a merged functionality is only as adopted as its weakest part.
    const lowest = group.reduce((a, b) => ((b.level ?? 0) < (a.level ?? 0) ? b : a));
    carried.push({ ...lowest, functionalityCode: to, carriedFrom: [...entry.from], needsReview: true });
  }
  return { carried, notCarried };
}
