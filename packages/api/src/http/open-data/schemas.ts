// The open data's requests and answers as zod schemas. The validators, the OpenAPI document and the CSV
// columns are all read from these, so the three cannot disagree. Answers are strict objects: the document
// then says no other field is sent, and the contract test holds the server to it.
import {
  AdoptionLevelSchema,
  EprStatusSchema,
  FrameworkSchema,
  FunctionalityCodeSchema,
  OdsCodeSchema,
  RegionSchema,
  TrustTypeSchema,
  ValidationStateSchema,
} from "@realise/domain";
import { z } from "zod";
import { OrganisationFilterSchema } from "../../contracts/organisations.js";
import { periodFromSegment } from "./period.js";

const filter = OrganisationFilterSchema.shape;

// No flags: the document generator writes the pattern from the regex's text, flags and all.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f-\u009f]*$/;

/** Free text from a query, refused when it carries control characters (PostgreSQL refuses a NUL in text). */
const plainText = (schema: z.ZodOptional<z.ZodString>, label: string) =>
  schema.unwrap().regex(NO_CONTROL_CHARACTERS, `${label} must not contain control characters`).optional();
const count = z.number().int().min(0);
const timestamp = z.iso.datetime({ offset: true });
const frameworkVersionNumber = z.number().int().min(1);

/** Query of /organisations: the registry filter of the app, every field optional; unknown ones are ignored. */
export const OrganisationsQuery = z.object({
  trustType: filter.trustType.meta({ description: "Only trusts of this type" }),
  region: filter.region.meta({ description: "Only trusts in this NHS England region" }),
  icbCode: filter.icbCode.meta({ description: "Only trusts in this ICB (as at `asOf`)", example: "QWO" }),
  eprStatus: filter.eprStatus.meta({ description: "Only trusts with this EPR status" }),
  eprSupplier: plainText(filter.eprSupplier, "EPR supplier").meta({
    description: "Only trusts on this EPR supplier",
    example: "TPP SystmOne",
  }),
  search: plainText(filter.search, "Search text").meta({
    description: "Only trusts whose name or ODS code contains this text",
    example: "Cambridge",
  }),
  asOf: filter.asOf.meta({
    description: "Read ICB membership as at this date (YYYY-MM-DD); today if omitted",
    example: "2025-03-31",
  }),
});

export const FrameworkQuery = z.object({
  version: z.coerce
    .number({ error: "Framework version must be a whole number from 1" })
    .int("Framework version must be a whole number from 1")
    .min(1, "Framework version must be a whole number from 1")
    .optional()
    .meta({ description: "Framework version; the one in force if omitted", example: 1 }),
});

export const PeriodParams = z.object({
  period: z
    .string()
    .refine((p) => periodFromSegment(p) !== undefined, {
      message: "Period must look like 2025-26-Q4 or 2025-26 (or 2025/26 Q4 percent-encoded)",
    })
    .meta({
      description:
        'A published period: "2025-26-Q4" (URL-friendly) or "2025/26 Q4" percent-encoded. Financial years run April to March.',
      examples: ["2025-26-Q4", "2025-26"],
      param: { name: "period", in: "path" },
    }),
});

/** The dimensions a snapshot can be counted by (the keys `snapshotGroups` takes). */
export const GroupBySchema = z.enum(["region", "icb", "trustType", "supplier"], {
  error: "Group by must be one of region, icb, trustType, supplier",
});

export const AdoptionQuery = z.object({
  odsCode: OdsCodeSchema.optional().meta({ description: "Only this trust", example: "RGT" }),
  functionalityCode: FunctionalityCodeSchema.optional().meta({
    description: "Only this functionality",
    example: "F01",
  }),
  groupBy: GroupBySchema.optional().meta({
    description:
      "Counts per group instead of per-trust rows (the trust and functionality filters then do not apply)",
  }),
});

export const ErrorBody = z
  .strictObject({
    error: z.strictObject({
      message: z.string(),
      /** For a 400: the message(s) for each parameter that was wrong. */
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .meta({ id: "Error", description: "The request could not be answered; the message says why." });

export const OrganisationRow = z
  .strictObject({
    odsCode: OdsCodeSchema,
    name: z.string(),
    trustType: TrustTypeSchema,
    region: RegionSchema,
    icbCode: z.string().nullable(),
    icbName: z.string().nullable(),
    eprStatus: EprStatusSchema,
    eprSupplier: z.string().nullable(),
    eprProduct: z.string().nullable(),
  })
  .meta({ id: "Organisation" });

export const SnapshotRow = z
  .strictObject({
    period: z.string().meta({ example: "2025/26 Q4" }),
    slug: z.string().meta({ description: "The period as it goes in a URL path", example: "2025-26-Q4" }),
    frameworkVersion: frameworkVersionNumber,
    publishedAt: timestamp,
    trusts: count,
  })
  .meta({ id: "Snapshot" });

export const AdoptionRow = z
  .strictObject({
    period: z.string(),
    frameworkVersion: frameworkVersionNumber,
    odsCode: OdsCodeSchema,
    functionalityCode: FunctionalityCodeSchema,
    level: AdoptionLevelSchema,
    coveragePct: z.number().min(0).max(100).nullable(),
    usageNumerator: z.number().int().min(0).nullable(),
    usageDenominator: z.number().int().min(1).nullable(),
    validationState: ValidationStateSchema,
    systemReported: z.boolean().meta({
      description:
        "True when the figures came from the trust's own system (a FHIR MeasureReport sent by its EPR), false when staff entered them (self-assessed)",
    }),
  })
  .meta({ id: "AdoptionRow" });

export const GroupRow = z
  .strictObject({
    period: z.string(),
    frameworkVersion: frameworkVersionNumber,
    group: z
      .string()
      .nullable()
      .meta({ description: "The group's value; null for trusts with none recorded" }),
    trusts: count,
    withheldTrusts: count.meta({
      description:
        "Trusts of the group whose figures are withheld because they also belong to a small group in another grouping; eprLive and tierCounts leave them out",
    }),
    suppressed: z.boolean().meta({ description: "True when the group is too small to show its breakdown" }),
    eprLive: count.nullable(),
    tierCounts: z.array(count).nullable().meta({
      description:
        "Published trusts per attained tier, from 0 (none yet) upwards; sums to trusts minus withheldTrusts; null when suppressed",
    }),
  })
  .meta({ id: "GroupRow" });

/** One functionality of a framework version: the rows of /framework.csv. */
export const FunctionalityRow = z.strictObject({
  frameworkVersion: frameworkVersionNumber,
  code: FunctionalityCodeSchema,
  name: z.string(),
  category: z.string(),
  tier: z.number().int().min(1),
  appliesTo: z.array(TrustTypeSchema),
});

export const OrganisationsBody = z.strictObject({
  data: z.array(OrganisationRow),
  meta: z.strictObject({ count, source: z.string() }),
});

export const SnapshotsBody = z.strictObject({ data: z.array(SnapshotRow), meta: z.strictObject({ count }) });

const adoptionMeta = {
  period: z.string(),
  frameworkVersion: frameworkVersionNumber,
  publishedAt: timestamp,
  caveat: z.string(),
  count,
};

export const AdoptionBody = z.strictObject({
  data: z.array(AdoptionRow),
  meta: z.strictObject({
    ...adoptionMeta,
    withheldTrusts: count.meta({
      description: "Trusts of the snapshot whose rows are withheld because they belong to a small group",
    }),
  }),
});

export const GroupsBody = z.strictObject({
  data: z.array(GroupRow),
  meta: z.strictObject({ ...adoptionMeta, groupBy: GroupBySchema, suppressBelow: z.number().int().min(1) }),
});

export const FrameworkBody = FrameworkSchema.meta({ id: "Framework" });

/** The CSV columns of a row schema: its keys, in order. */
export const columnsOf = (schema: z.ZodObject) => Object.keys(schema.shape);

/** A row reduced to its schema's columns, so nothing the schema does not describe is ever sent. */
export function pick<T extends z.ZodObject>(schema: T, row: object): z.output<T> {
  const source = row as Record<string, unknown>;
  return Object.fromEntries(columnsOf(schema).map((c) => [c, source[c]])) as z.output<T>;
}

/** A documented error answer. */
export const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

/** A documented CSV answer; its columns are those of `row`, listed in the description. */
export const csvResponse = (description: string, ...rows: z.ZodObject[]) => ({
  description: `${description}. Columns: ${rows.map((r) => columnsOf(r).join(", ")).join("; or ")}.`,
  content: { "text/csv": { schema: z.string() } },
});
