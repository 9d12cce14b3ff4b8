// Inputs of the snapshots procedures: zod only, importable by the browser (no server code).
import { PeriodSchema } from "@realise/domain";
import { z } from "zod";

const PeriodInput = z.object({ period: PeriodSchema }).strict();

export const SnapshotsPreviewInput = PeriodInput;
export const SnapshotsDetailInput = PeriodInput;
export const SnapshotsFreezeInput = PeriodInput;
export type SnapshotsPeriodInput = z.infer<typeof PeriodInput>;
