// Inputs of the benefits procedures: zod only, importable by the browser (no server code).
import { BenefitLineSchema, boundedNumber, OdsCodeSchema, PeriodSchema } from "@realise/domain";
import { z } from "zod";

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
  .min(0, "Expected version must be 0 or more")
  .max(1_000_000_000, "Expected version must be at most 1,000,000,000");
const CsvSchema = z
  .string({ error: "The file must be text" })
  .max(1_000_000, "The file must be at most 1,000,000 characters");
const TrustInput = z.object({ odsCode: OdsCodeSchema }).strict();

/** `benefits.list`: a trust's register. */
export const BenefitsListInput = TrustInput;
export type BenefitsListInput = z.infer<typeof BenefitsListInput>;

/** `benefits.get`: one line of a trust. */
export const BenefitsGetInput = z.object({ odsCode: OdsCodeSchema, id: LineIdSchema }).strict();
export type BenefitsGetInput = z.infer<typeof BenefitsGetInput>;

/** `benefits.create`: a new line for a trust's register. */
export const BenefitsCreateInput = z.object({ odsCode: OdsCodeSchema, line: BenefitFieldsSchema }).strict();
export type BenefitsCreateInput = z.infer<typeof BenefitsCreateInput>;

/** `benefits.update`: a line's fields at the version read. */
export const BenefitsUpdateInput = z
  .object({
    odsCode: OdsCodeSchema,
    id: LineIdSchema,
    expectedVersion: VersionSchema,
    line: BenefitFieldsSchema,
  })
  .strict();
export type BenefitsUpdateInput = z.infer<typeof BenefitsUpdateInput>;

/** `benefits.recordActual`: a line's actual for a period, at the version read. */
export const BenefitsRecordActualInput = z
  .object({
    odsCode: OdsCodeSchema,
    id: LineIdSchema,
    expectedVersion: VersionSchema,
    period: PeriodSchema,
    value: boundedNumber("Value"),
    source: z.string().trim().max(500, "Source must be at most 500 characters").nullable().optional(),
    /** The user confirmed replacing the actual already recorded for the period. */
    replace: z.boolean({ error: "Replace must be true or false" }).optional(),
  })
  .strict();
export type BenefitsRecordActualInput = z.infer<typeof BenefitsRecordActualInput>;

/** `benefits.previewImport`: an actuals CSV to check. */
export const BenefitsPreviewImportInput = z.object({ odsCode: OdsCodeSchema, csv: CsvSchema }).strict();
export type BenefitsPreviewImportInput = z.infer<typeof BenefitsPreviewImportInput>;

/** `benefits.commitImport`: an actuals CSV to write. */
export const BenefitsCommitImportInput = z.object({ odsCode: OdsCodeSchema, csv: CsvSchema }).strict();
export type BenefitsCommitImportInput = z.infer<typeof BenefitsCommitImportInput>;

/** `benefits.importTemplate`: the trust whose actuals template to write. */
export const BenefitsImportTemplateInput = TrustInput;
export type BenefitsImportTemplateInput = z.infer<typeof BenefitsImportTemplateInput>;

/** `benefits.exportCsv`: the trust whose register to write as CSV. */
export const BenefitsExportCsvInput = TrustInput;
export type BenefitsExportCsvInput = z.infer<typeof BenefitsExportCsvInput>;

/** `benefits.national`: no input. */
export const BenefitsNationalInput = z.object({}).strict().optional();
export type BenefitsNationalInput = z.infer<typeof BenefitsNationalInput>;

/** `benefits.withdraw`: a line to withdraw from the register at the version read, and why. */
export const BenefitsWithdrawInput = z
  .object({
    odsCode: OdsCodeSchema,
    id: LineIdSchema,
    expectedVersion: VersionSchema,
    reason: z
      .string({ error: "Reason must be text" })
      .trim()
      .min(3, "Say why the benefit is withdrawn (at least 3 characters)")
      .max(500, "Reason must be at most 500 characters"),
  })
  .strict();
export type BenefitsWithdrawInput = z.infer<typeof BenefitsWithdrawInput>;

/** `benefits.history`: every change to a trust's register, or to one line of it. */
export const BenefitsHistoryInput = z
  .object({ odsCode: OdsCodeSchema, id: LineIdSchema.optional() })
  .strict();
export type BenefitsHistoryInput = z.infer<typeof BenefitsHistoryInput>;
