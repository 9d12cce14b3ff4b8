// Inputs of the national audit log: zod only, importable by the browser (no server code).
import { OdsCodeSchema } from "@realise/domain";
import { z } from "zod";

/** The areas of change the log can be narrowed to, each with the words the page shows. */
export const AUDIT_AREAS = {
  adoption: "Adoption records",
  benefit: "Benefits register",
  plan: "Plans",
  return: "Returns",
  snapshot: "Official figures",
  collection: "Collections",
  framework: "Framework",
  organisation: "Organisation registry",
  peer_group_set: "Peer groups",
  epr_supplier: "EPR suppliers",
  account: "Accounts",
  systemClient: "System clients",
} as const;
export type AuditArea = keyof typeof AUDIT_AREAS;

/**
 * The most changes one audit log download holds. The log grows with every edit in the nation (hundreds of
 * thousands of rows a year); past this a file is too big to be useful in a spreadsheet, so the newest are
 * given, the file name says the download stopped there, and the page says so beside the link.
 */
export const AUDIT_EXPORT_LIMIT = 10_000;

const isoDay = (what: string) => z.iso.date({ message: `${what} must be a date written as YYYY-MM-DD` });

export const AuditSearchInput = z
  .object({
    odsCode: OdsCodeSchema.optional(),
    actor: z
      .string({ error: "Changed by must be text" })
      .trim()
      .min(1, { message: "Changed by must not be empty" })
      .max(200, { message: "Changed by must be at most 200 characters" })
      .optional(),
    action: z
      .enum(Object.keys(AUDIT_AREAS) as [AuditArea, ...AuditArea[]], {
        error: `Kind of change must be one of ${Object.keys(AUDIT_AREAS).join(", ")}`,
      })
      .optional(),
    from: isoDay("From").optional(),
    to: isoDay("To").optional(),
    cursor: z
      .string({ error: "Cursor must be text" })
      .regex(/^[1-9][0-9]{0,17}$/, { message: "Cursor must be the one the previous page gave" })
      .optional(),
    pageSize: z
      .number({ error: "Page size must be a number" })
      .int({ message: "Page size must be a whole number" })
      .min(1, { message: "Page size must be from 1 to 100" })
      .max(100, { message: "Page size must be from 1 to 100" })
      .optional(),
  })
  .strict()
  .refine((i) => !i.from || !i.to || i.from <= i.to, {
    path: ["to"],
    message: "To must be on or after From",
  });
export type AuditSearchInput = z.infer<typeof AuditSearchInput>;
