// Inputs of the security procedures: zod only, importable by the browser (no server code).
import { z } from "zod";

export const SecurityEventsInput = z
  .object({
    limit: z
      .number({ error: "Limit must be a number" })
      .int("Limit must be a whole number")
      .min(1, "Limit must be at least 1")
      .max(500, "Limit must be at most 500")
      .optional(),
  })
  .strict()
  .optional();
export type SecurityEventsInput = z.infer<typeof SecurityEventsInput>;
