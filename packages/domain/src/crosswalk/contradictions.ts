import type { FieldIssue } from "../errors/app-error.js";
import { type Crosswalk, crosswalkTreatment as treatment } from "./schema.js";

/** The codes of a framework version, as the contradiction checks need them. */
interface Codes {
  version: number;
  functionalities: ReadonlyArray<{ code: string }>;
}

/**
 * Crosswalk entries that contradict each other or the draft, each named: an old code sent two ways (say
 * both kept and merged), two entries carrying records into the same new code (a trust with both would lose
 * one: that is what a merge is for), a code retired while the draft still has it, and a target the draft
 * does not have. Paths point inside the crosswalk.
 *
 * Why: a contradictory crosswalk drops or doubles a trust's records without warning when the draft is
 * published, so it is refused when saved and again when published.
 */
export function crosswalkContradictions(crosswalk: Crosswalk, draft: Codes): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const draftCodes = new Set(draft.functionalities.map((f) => f.code));
  const firstFrom = new Map<string, number>();
  const firstTo = new Map<string, number>();
  const entries = crosswalk.entries;
  const describe = (i: number) => `entry ${i + 1} (${entries[i]!.from.join(", ")} ${treatment(entries[i]!)})`;

  entries.forEach((e, i) => {
    e.from.forEach((code, j) => {
      const earlier = firstFrom.get(code);
      if (earlier === undefined) firstFrom.set(code, i);
      else if (earlier !== i) {
        const a = entries[earlier]!;
        issues.push({
          path: ["entries", i, "from", j],
          message: `${code} is both ${treatment(a)} (entry ${earlier + 1}) and ${treatment(e)} (entry ${i + 1}); an old code's records can go only one way`,
        });
      }
    });
    new Set(e.to).forEach((code) => {
      const j = e.to.indexOf(code);
      if (!draftCodes.has(code))
        issues.push({
          path: ["entries", i, "to", j],
          message: `Entry ${i + 1} sends ${e.from.join(", ")} to ${code}, which is not a functionality of draft version ${draft.version}; add ${code} to the draft or change the entry`,
        });
      const earlier = firstTo.get(code);
      if (earlier === undefined) firstTo.set(code, i);
      else
        issues.push({
          path: ["entries", i, "to", j],
          message: `${code} receives records from ${describe(earlier)} and ${describe(i)}; a trust with both would lose one. Merge them into ${code} in one entry instead`,
        });
    });
    if (e.kind === "retired")
      e.from.forEach((code, j) => {
        if (draftCodes.has(code))
          issues.push({
            path: ["entries", i, "from", j],
            message: `${code} is retired in entry ${i + 1} but is still a functionality of draft version ${draft.version}; keep it, or remove it from the draft`,
          });
      });
  });
  return issues;
}
