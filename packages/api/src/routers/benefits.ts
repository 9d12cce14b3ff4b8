import {
  actualsTemplateCsv,
  benefitLine,
  benefitRegister,
  benefitsCsv,
  commitActualsImport,
  createBenefitLine,
  nationalBenefits,
  previewActualsImport,
  recordBenefitActual,
  updateBenefitLine,
} from "@realise/db";
import { BenefitLineSchema, OdsCodeSchema, PeriodSchema } from "@realise/domain";
import { z } from "zod";
import { access } from "@realise/domain";
import { mapDataErrors } from "../errors.js";
import { procedure, requirePrincipal, router } from "../trpc.js";

const { id: _id, odsCode: _odsCode, actuals: _actuals, ...lineShape } = BenefitLineSchema.shape;

/**
 * A register line's editable fields. The domain schema's cross-field rules (target on the right side of
 * the baseline, target after baseline) are applied by running the domain schema itself, so they live once.
 */
export const BenefitFieldsSchema = z
  .object(lineShape)
  .strict()
  .superRefine((fields, ctx) => {
    const checked = BenefitLineSchema.safeParse({ ...fields, odsCode: "AAA", actuals: [] });
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      if (issue.code === "custom") ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });

const LineIdSchema = z
  .string({ error: "Benefit line id must be text" })
  .trim()
  .min(1, "Benefit line id is required")
  .max(100, "Benefit line id must be at most 100 characters");
const VersionSchema = z
  .number({ error: "Expected version must be a number" })
  .int("Expected version must be a whole number")
  .min(0, "Expected version must be 0 or more");
const CsvSchema = z
  .string({ error: "The file must be text" })
  .max(1_000_000, "The file must be at most 1,000,000 characters");
const trust = z.object({ odsCode: OdsCodeSchema }).strict();

export const benefitsRouter = router({
  /** The trust's register: lines with progress, flags, and totals with double counting removed. */
  list: procedure(access.trustRead)
    .input(trust)
    .query(({ ctx, input }) => mapDataErrors(() => benefitRegister(ctx.database.db, input.odsCode))),

  /** One line with its actuals and progress. */
  get: procedure(access.trustRead)
    .input(z.object({ odsCode: OdsCodeSchema, id: LineIdSchema }).strict())
    .query(({ ctx, input }) => mapDataErrors(() => benefitLine(ctx.database.db, input.odsCode, input.id))),

  /** Add a line to the register. */
  create: procedure(access.trustWrite)
    .input(z.object({ odsCode: OdsCodeSchema, line: BenefitFieldsSchema }).strict())
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => createBenefitLine(ctx.database.db, input.odsCode, input.line, actor));
    }),

  /** Change a line at the version read; a stale version gets CONFLICT. */
  update: procedure(access.trustWrite)
    .input(
      z
        .object({
          odsCode: OdsCodeSchema,
          id: LineIdSchema,
          expectedVersion: VersionSchema,
          line: BenefitFieldsSchema,
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() =>
        updateBenefitLine(
          ctx.database.db,
          {
            odsCode: input.odsCode,
            id: input.id,
            expectedVersion: input.expectedVersion,
            fields: input.line,
          },
          actor,
        ),
      );
    }),

  /** Record (or re-record) a line's actual for a period. */
  recordActual: procedure(access.trustWrite)
    .input(
      z
        .object({
          odsCode: OdsCodeSchema,
          id: LineIdSchema,
          expectedVersion: VersionSchema,
          period: PeriodSchema,
          value: z.number({ error: "Value must be a number" }).finite("Value must be a number"),
          source: z.string().trim().max(500, "Source must be at most 500 characters").nullable().optional(),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() =>
        recordBenefitActual(
          ctx.database.db,
          {
            odsCode: input.odsCode,
            id: input.id,
            expectedVersion: input.expectedVersion,
            period: input.period,
            value: input.value,
            source: input.source ? input.source : null,
          },
          actor,
        ),
      );
    }),

  /** Check an actuals CSV: every row's result, each bad row with its field and reason; writes nothing. */
  previewImport: procedure(access.trustWrite)
    .input(z.object({ odsCode: OdsCodeSchema, csv: CsvSchema }).strict())
    .mutation(({ ctx, input }) =>
      mapDataErrors(() => previewActualsImport(ctx.database.db, input.odsCode, input.csv)),
    ),

  /** Re-check the CSV and write every row, or nothing when any row is bad. */
  commitImport: procedure(access.trustWrite)
    .input(z.object({ odsCode: OdsCodeSchema, csv: CsvSchema }).strict())
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => commitActualsImport(ctx.database.db, input.odsCode, input.csv, actor));
    }),

  /** A CSV template for actuals: one row per line being tracked, for the period now due. */
  importTemplate: procedure(access.trustRead)
    .input(trust)
    .query(({ ctx, input }) => mapDataErrors(() => actualsTemplateCsv(ctx.database.db, input.odsCode))),

  /** The register as CSV text. */
  exportCsv: procedure(access.trustRead)
    .input(trust)
    .query(({ ctx, input }) => mapDataErrors(() => benefitsCsv(ctx.database.db, input.odsCode))),

  /** Benefits across trusts by type, class, region, ICB and supplier, double counting removed. */
  national: procedure(access.nationalRead)
    .input(z.object({}).strict().optional())
    .query(({ ctx }) => nationalBenefits(ctx.database.db)),
});
