import { crosswalkContradictions } from "../crosswalk/contradictions.js";
import type { Crosswalk } from "../crosswalk/schema.js";
import { AppError, type FieldIssue } from "../errors/app-error.js";
import type { Framework, FrameworkStatus } from "./schema.js";

/** A stored version as the checks need it: its number, status and revision. */
export interface VersionState {
  version: number;
  status: FrameworkStatus;
  rowVersion: number;
}

/**
 * Refuses a change to a version that is no longer a draft, or that changed since the editor read it.
 *
 * Why: a published version never changes (scores against it stay reproducible), and two admins editing the
 * same draft must not overwrite each other.
 */
export function checkDraftWritable(row: VersionState, expectedRowVersion: number, verb: string): void {
  if (row.status !== "draft") {
    throw AppError.state(
      `Framework version ${row.version} is ${row.status}, so it cannot be ${verb}: a published version never changes. Create a new draft to make changes.`,
    );
  }
  if (row.rowVersion !== expectedRowVersion) {
    throw AppError.conflict(
      `Someone else changed draft version ${row.version} since you opened it (now revision ${row.rowVersion}, you edited revision ${expectedRowVersion}); reload it and make your change again`,
      { version: row.version, rowVersion: row.rowVersion },
    );
  }
}

/**
 * Refuses a second draft.
 *
 * Why: one draft at a time, so its crosswalk always starts from the version in force.
 */
export function checkNoOtherDraft(existingDraft: number | null): void {
  if (existingDraft !== null)
    throw AppError.state(
      `Version ${existingDraft} is already a draft; publish or discard it before starting another`,
    );
}

/** Only a draft has an effect to preview. */
export function checkPreviewable(row: Pick<VersionState, "version" | "status">): void {
  if (row.status !== "draft")
    throw AppError.state(
      `Framework version ${row.version} is ${row.status}; only a draft has an effect to preview`,
    );
}

/**
 * Refuses to retire anything but a published version that is no longer in force.
 *
 * Why: the version in force is retired only by publishing its successor, so there is always a framework to
 * score against.
 */
export function checkRetirable(row: VersionState, expectedRowVersion: number, inForce: number): void {
  if (row.status !== "published")
    throw AppError.state(
      `Framework version ${row.version} is ${row.status}; only a published version can be retired${row.status === "draft" ? " (discard a draft instead)" : ""}`,
    );
  if (row.rowVersion !== expectedRowVersion)
    throw AppError.conflict(`Framework version ${row.version} changed since you opened it; reload it`, {
      rowVersion: row.rowVersion,
    });
  if (inForce === row.version)
    throw AppError.state(
      `Framework version ${row.version} is the version in force; publish its successor, which retires it`,
    );
}

/**
 * Crosswalk problems against the two versions, with paths inside the crosswalk: unknown codes, a wrong
 * version pair, contradictions between entries (`crosswalkContradictions`) and, when publishing, previous
 * codes with no entry.
 *
 * Why: every old code must say where its records go, or publishing would lose a trust's adoption silently.
 */
export function crosswalkIssues(
  crosswalk: Crosswalk | null,
  previous: Framework,
  draft: Framework,
  requireComplete: boolean,
): FieldIssue[] {
  if (!crosswalk) {
    return requireComplete
      ? [{ path: [], message: `A crosswalk from version ${previous.version} is required to publish` }]
      : [];
  }
  const issues: FieldIssue[] = [];
  if (crosswalk.fromVersion !== previous.version)
    issues.push({
      path: ["fromVersion"],
      message: `The crosswalk must start from version ${previous.version}, the version in force`,
    });
  if (crosswalk.toVersion !== draft.version)
    issues.push({ path: ["toVersion"], message: `The crosswalk must lead to version ${draft.version}` });
  const oldCodes = new Set(previous.functionalities.map((f) => f.code));
  const covered = new Set<string>();
  crosswalk.entries.forEach((e, i) => {
    e.from.forEach((code, j) => {
      covered.add(code);
      if (!oldCodes.has(code))
        issues.push({
          path: ["entries", i, "from", j],
          message: `${code} is not a functionality of version ${previous.version}`,
        });
    });
  });
  issues.push(...crosswalkContradictions(crosswalk, draft));
  if (requireComplete) {
    const missing = previous.functionalities.filter((f) => !covered.has(f.code)).map((f) => f.code);
    if (missing.length > 0)
      issues.push({
        path: ["entries"],
        message: `The crosswalk does not say what happens to ${missing.join(", ")}; mark each kept, renamed, split, merged or retired`,
      });
  }
  return issues;
}
