import { z } from "zod";
import { isoDate, text } from "../common/schema.js";

/**
 * NHS trust types as NHS England's 2024 primary-EPR FOI groups them, with `specialist` split out of acute
 * and `combined` meaning mental health and community.
 */
export const TrustTypeSchema = z.enum(
  ["acute", "specialist", "combined", "mental_health", "community", "ambulance"],
  {
    error: "Trust type must be one of acute, specialist, combined, mental_health, community, ambulance",
  },
);
/** One of the six trust types. */
export type TrustType = z.infer<typeof TrustTypeSchema>;

/** Every trust type, in the order the national team reports them. */
export const TRUST_TYPES: readonly TrustType[] = TrustTypeSchema.options;

/** Where a trust is on its EPR journey; "live" counts towards the national coverage milestone. */
export const EprStatusSchema = z.enum(["none", "procuring", "implementing", "live"], {
  error: "EPR status must be one of none, procuring, implementing, live",
});
/** EPR status of a trust. */
export type EprStatus = z.infer<typeof EprStatusSchema>;

/** The seven NHS England regions (ODS national groupings Y56–Y63). */
export const RegionSchema = z.enum(
  [
    "East of England",
    "London",
    "Midlands",
    "North East and Yorkshire",
    "North West",
    "South East",
    "South West",
  ],
  { error: "Region must be one of the seven NHS England regions" },
);
/** An NHS England region. */
export type Region = z.infer<typeof RegionSchema>;

/**
 * An ODS organisation code: 3 characters for most trusts, 5 for newer ones (e.g. `G6V2S`).
 * Trimmed and upper-cased first, because codes are typed by hand and pasted from spreadsheets.
 */
export const OdsCodeSchema = z
  .string({ error: "ODS code must be text" })
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9]{3}([A-Z0-9]{2})?$/,
    "ODS code must be 3 or 5 letters or digits (for example RCF or G6V2S)",
  );
/** An ODS code. */
export type OdsCode = z.infer<typeof OdsCodeSchema>;

/** An NHS trust as the registry holds it. */
export const OrganisationSchema = z.object({
  odsCode: OdsCodeSchema,
  name: text("Organisation name", 200),
  trustType: TrustTypeSchema,
  region: RegionSchema,
  icbCode: OdsCodeSchema,
  eprStatus: EprStatusSchema,
  eprSupplier: z
    .string({ error: "EPR supplier must be text or empty" })
    .trim()
    .max(200, "EPR supplier must be at most 200 characters")
    .nullable(),
});
/** An NHS trust. */
export type Organisation = z.infer<typeof OrganisationSchema>;

/**
 * A trust's membership of an ICB over an inclusive date range; `validTo` null means current.
 * Dated because ICBs merge (42 became 36 in April 2026) and history must still roll up correctly.
 */
export const IcbMembershipSchema = z
  .object({
    odsCode: OdsCodeSchema,
    icbCode: OdsCodeSchema,
    validFrom: isoDate("Membership start date"),
    validTo: isoDate("Membership end date").nullable(),
  })
  .refine((m) => m.validTo === null || m.validTo >= m.validFrom, {
    path: ["validTo"],
    message: "Membership end date cannot be before the start date",
  });
/** A dated ICB membership. */
export type IcbMembership = z.infer<typeof IcbMembershipSchema>;

/**
 * A peer group: trusts compared with each other. Groups in the same `set` are exclusive, so a trust sits in
 * at most one group of each set (by trust type, by size, by supplier…).
 */
export const PeerGroupSchema = z.object({
  id: text("Peer group id", 100),
  name: text("Peer group name", 200),
  set: text("Peer group set", 100),
  members: z
    .array(OdsCodeSchema, { error: "Peer group members must be a list of ODS codes" })
    .max(1000, "A peer group can have at most 1000 members"),
});
/** A peer group. */
export type PeerGroup = z.infer<typeof PeerGroupSchema>;
