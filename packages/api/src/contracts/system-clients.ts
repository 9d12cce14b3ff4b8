// Inputs of the system-client procedures: zod only, importable by the browser (no server code).
import { OdsCodeSchema } from "@realise/domain";
import { z } from "zod";

const ClientId = z
  .string({ error: "Client id must be text" })
  .trim()
  .regex(/^rsc_[0-9a-f]{24}$/, { message: "Client id must look like rsc_ followed by 24 hex digits" });

/** Register a trust's own system (its EPR, say) to send MeasureReports. */
export const SystemClientsCreateInput = z
  .object({
    odsCode: OdsCodeSchema,
    name: z
      .string({ error: "Name must be text" })
      .trim()
      .min(1, { message: "Name is required, e.g. EPR nightly feed" })
      .max(120, { message: "Name must be at most 120 characters" }),
  })
  .strict();
export type SystemClientsCreateInput = z.infer<typeof SystemClientsCreateInput>;

export const SystemClientsListInput = z.object({ odsCode: OdsCodeSchema }).strict();

export const SystemClientsRevokeInput = z.object({ odsCode: OdsCodeSchema, clientId: ClientId }).strict();
export type SystemClientsRevokeInput = z.infer<typeof SystemClientsRevokeInput>;

/** Pause or resume a system client. */
export const SystemClientsPauseInput = SystemClientsRevokeInput;
export type SystemClientsPauseInput = SystemClientsRevokeInput;
