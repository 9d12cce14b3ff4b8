import type { Crosswalk } from "../crosswalk/schema.js";
import type { Framework, FrameworkStatus } from "./schema.js";

/**
 * A draft of the next version: a deep copy with the version number raised.
 *
 * Why: a published version never changes; the national team edits a copy and publishes it with a crosswalk.
 */
export function draftNextVersion(framework: Framework, effectiveFrom: string): Framework {
  const copy = structuredClone(framework) as Framework;
  return { ...copy, version: framework.version + 1, status: "draft", effectiveFrom };
}

/**
 * A crosswalk that keeps every functionality code both versions share and retires the rest of the old ones.
 *
 * Why: most codes survive a version change; the national team starts from this and edits renames, splits and
 * merges by hand.
 */
export function defaultCrosswalk(from: Framework, to: Framework): Crosswalk {
  const next = new Set(to.functionalities.map((f) => f.code));
  const kept = from.functionalities
    .filter((f) => next.has(f.code))
    .map((f) => ({ kind: "kept" as const, from: [f.code], to: [f.code] }));
  const retired = from.functionalities.filter((f) => !next.has(f.code)).map((f) => f.code);
  return {
    fromVersion: from.version,
    toVersion: to.version,
    entries: retired.length > 0 ? [...kept, { kind: "retired", from: retired, to: [] }] : kept,
  };
}

/** A functionality by code, or undefined. */
export function functionalityByCode(framework: Framework, code: string) {
  return framework.functionalities.find((f) => f.code === code);
}

const TRANSITIONS: Record<FrameworkStatus, readonly FrameworkStatus[]> = {
  draft: ["published"],
  published: ["retired"],
  retired: [],
};

/**
 * Whether a framework may move from one status to another: draft → published → retired, never back.
 *
 * Why: a published version never changes, so scores computed against it stay reproducible.
 */
export function canChangeStatus(from: FrameworkStatus, to: FrameworkStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Whether a framework's content may be edited: only drafts.
 *
 * Why: editing a published version would silently change every trust's historical score.
 */
export function isEditable(framework: Pick<Framework, "status">): boolean {
  return framework.status === "draft";
}
