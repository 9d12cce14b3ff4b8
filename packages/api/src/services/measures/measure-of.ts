import type { Expression, Measure, MeasureGroupPopulation, RelatedArtifact } from "@medplum/fhirtypes";
import type { Framework, Functionality } from "@realise/domain";

/** What a functionality measures: the share of the trust it is in place for, and how much it is used. */
export const MEASURE_KINDS = ["coverage", "usage"] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";
const SCORING_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-scoring";
const IMPROVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";

/** The identifier system of Realise's measures, so a client can find one by `F01-usage` alone. */
export const measureIdentifierSystem = (origin: string) => `${origin}/fhir/NamingSystem/realise-measure`;
export const measureUrl = (origin: string, id: string) => `${origin}/fhir/Measure/${id}`;
export const measureId = (code: string, kind: MeasureKind) => `${code}-${kind}`;

/** `F01-usage` → its functionality code and kind, or null for anything else. */
export function parseMeasureId(id: string): { code: string; kind: MeasureKind } | null {
  const match = /^(F\d{2,3}[a-z]?)-(coverage|usage)$/.exec(id);
  return match ? { code: match[1] as string, kind: match[2] as MeasureKind } : null;
}

const STATUS = { draft: "draft", published: "active", retired: "retired" } as const;

function population(code: string, display: string, description: string): MeasureGroupPopulation {
  return {
    code: { coding: [{ system: POPULATION_SYSTEM, code, display }] },
    description,
    // The binding is extensible: the counting is done by the trust's own system, described in words.
    criteria: { language: "text/plain" as Expression["language"], expression: description },
  };
}

/** The functionality's references to other frameworks, as FHIR related artifacts. */
function relatedArtifacts(f: Functionality): RelatedArtifact[] {
  const r = f.references;
  const artifacts: RelatedArtifact[] = [];
  for (const id of r.dcf ?? []) {
    artifacts.push({ type: "documentation", label: id, display: `NHS EPR requirement ${id}` });
  }
  if (r.dcfLevel)
    artifacts.push({ type: "documentation", display: `NHS EPR requirement level: ${r.dcfLevel}` });
  if (r.emramStage !== undefined) {
    artifacts.push({
      type: "documentation",
      label: `EMRAM ${r.emramStage}`,
      display: `HIMSS EMRAM stage ${r.emramStage}`,
    });
  }
  if (r.meaningfulUse)
    artifacts.push({ type: "documentation", display: `Meaningful Use: ${r.meaningfulUse}` });
  if (r.wgll) artifacts.push({ type: "documentation", display: `What Good Looks Like: ${r.wgll}` });
  for (const source of r.sources ?? []) {
    artifacts.push(
      URL.canParse(source)
        ? { type: "citation", url: source, display: source }
        : { type: "citation", citation: source },
    );
  }
  return artifacts;
}

/** One of a functionality's two measures, as an R4 Measure of the framework version that defines it. */
export function measureOf(
  origin: string,
  framework: Framework,
  f: Functionality,
  kind: MeasureKind,
): Measure {
  const id = measureId(f.code, kind);
  const name = f.shortName ?? f.name;
  const populations =
    kind === "coverage"
      ? [
          population(
            "initial-population",
            "Initial Population",
            `Where ${name} could be in use at the trust`,
          ),
          population("denominator", "Denominator", `Where ${name} could be in use at the trust`),
          population("numerator", "Numerator", f.coverage.label),
        ]
      : [
          population("initial-population", "Initial Population", f.usage.denominator),
          population("denominator", "Denominator", f.usage.denominator),
          population("numerator", "Numerator", f.usage.numerator),
        ];
  const artifacts = relatedArtifacts(f);
  return {
    resourceType: "Measure",
    id,
    url: measureUrl(origin, id),
    identifier: [{ system: measureIdentifierSystem(origin), value: id }],
    version: String(framework.version),
    name: `${f.code}${kind === "coverage" ? "Coverage" : "Usage"}`,
    title: `${f.name}: ${kind}`,
    status: STATUS[framework.status],
    date: framework.effectiveFrom,
    publisher: "Realise",
    description: `${kind === "coverage" ? f.coverage.label : f.usage.label}. ${f.description}`,
    effectivePeriod: { start: framework.effectiveFrom },
    topic: [{ text: f.category }],
    scoring: { coding: [{ system: SCORING_SYSTEM, code: "proportion", display: "Proportion" }] },
    improvementNotation: {
      coding: [
        { system: IMPROVEMENT_SYSTEM, code: "increase", display: "Increased score indicates improvement" },
      ],
    },
    ...(artifacts.length > 0 ? { relatedArtifact: artifacts } : {}),
    group: [
      {
        code: { text: `${f.code} ${kind}` },
        description: kind === "coverage" ? f.coverage.label : f.usage.label,
        population: populations,
      },
    ],
  };
}

/** Every measure of a framework version, functionality by functionality, coverage then usage. */
export function measuresOf(origin: string, framework: Framework): Measure[] {
  return framework.functionalities.flatMap((f) =>
    MEASURE_KINDS.map((kind) => measureOf(origin, framework, f, kind)),
  );
}
