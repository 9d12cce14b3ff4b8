// Inputs of the snapshots procedures: zod only, importable by the browser (no server code).
import { PeriodSchema } from "@realise/domain";
import { z } from "zod";

const PeriodInput = z.object({ period: PeriodSchema }).strict();

export const SnapshotsPreviewInput = PeriodInput;
export const SnapshotsDetailInput = PeriodInput;
/**
 * Freezing names the period and, from the confirmation screen, how many accepted returns the national
 * team saw; if that changed in the meantime the freeze is refused rather than publishing other figures.
 */
export const SnapshotsFreezeInput = z
  .object({
    period: PeriodSchema,
    expectedAccepted: z
      .number()
      .int()
      .min(0, { message: "Accepted count must be 0 or more" })
      .max(1_000_000_000, { message: "Accepted count must be at most 1,000,000,000" })
      .optional(),
  })
  .strict();
export type SnapshotsFreezeInput = z.infer<typeof SnapshotsFreezeInput>;
export type SnapshotsPeriodInput = z.infer<typeof PeriodInput>;
