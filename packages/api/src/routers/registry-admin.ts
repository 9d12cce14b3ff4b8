import {
  addEprSupplier,
  allIcbs,
  auditTrail,
  deletePeerGroupSet,
  findOrganisation,
  listPeerGroupSets,
  peerGroupSet,
  peerGroupsOf,
  savePeerGroupSet,
  setIcbMemberships,
  updateOrganisationEpr,
} from "@realise/db";
import { EprStatusSchema, OdsCodeSchema } from "@realise/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { access } from "@realise/domain";
import { mapDataErrors } from "../errors.js";
import { procedure, requirePrincipal, router } from "../trpc.js";

const IsoDate = (label: string) => z.iso.date({ message: `${label} must be written as YYYY-MM-DD` });
const ExpectedVersion = z
  .number({ error: "Expected version must be a number" })
  .int("Expected version must be a whole number")
  .min(0, "Expected version must be 0 or more");
const Slug = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,59}$/,
      `${label} must be lower-case letters, digits and hyphens (at most 60)`,
    );
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullable()
    .transform((v) => (v ? v : null));

const MembershipSchema = z
  .object({
    icbCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{3,5}$/, "ICB code must be 3 to 5 letters or digits"),
    validFrom: IsoDate("Membership start date"),
    validTo: IsoDate("Membership end date").nullable(),
  })
  .strict();

const GroupSchema = z
  .object({
    id: Slug("Group id"),
    name: z
      .string()
      .trim()
      .min(1, "Group name is required")
      .max(200, "Group name must be at most 200 characters"),
    members: z.array(OdsCodeSchema).max(1000, "A group can have at most 1000 members"),
  })
  .strict();

export const registryAdminRouter = router({
  /** One trust for editing: registry fields, ICB history, peer groups and recent changes. */
  organisation: procedure(access.nationalRead)
    .input(z.object({ odsCode: OdsCodeSchema }).strict())
    .query(async ({ ctx, input }) => {
      const db = ctx.database.db;
      const organisation = await findOrganisation(db, input.odsCode);
      if (!organisation)
        throw new TRPCError({ code: "NOT_FOUND", message: `No trust has the ODS code ${input.odsCode}` });
      const [peerGroups, history] = await Promise.all([
        peerGroupsOf(db, input.odsCode),
        auditTrail(db, { entity: "organisation", entityKey: input.odsCode, limit: 20 }),
      ]);
      return { organisation, peerGroups, history };
    }),

  /** Every ICB with its validity dates (ICBs merge), for the membership editor. */
  icbs: procedure(access.nationalRead).query(({ ctx }) => allIcbs(ctx.database.db)),

  /** A trust's EPR status, supplier and product. */
  updateEpr: procedure(access.nationalAdmin)
    .input(
      z
        .object({
          odsCode: OdsCodeSchema,
          expectedVersion: ExpectedVersion,
          eprStatus: EprStatusSchema,
          eprSupplier: optionalText("EPR supplier", 100),
          eprProduct: optionalText("EPR product", 200),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => updateOrganisationEpr(ctx.database.db, actor, input));
    }),

  /** Add a supplier to the registry's list. */
  addSupplier: procedure(access.nationalAdmin)
    .input(
      z
        .object({
          name: z
            .string()
            .trim()
            .min(1, "Supplier name is required")
            .max(100, "Supplier name must be at most 100 characters"),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => addEprSupplier(ctx.database.db, actor, input.name));
    }),

  /** Replace a trust's ICB membership history; no overlaps, inside each ICB's own dates. */
  setIcbMemberships: procedure(access.nationalAdmin)
    .input(
      z
        .object({
          odsCode: OdsCodeSchema,
          expectedVersion: ExpectedVersion,
          memberships: z.array(MembershipSchema).max(20, "A trust can have at most 20 ICB memberships"),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => setIcbMemberships(ctx.database.db, actor, input));
    }),

  /** Peer group sets with their group and member counts. */
  peerGroupSets: procedure(access.nationalRead).query(({ ctx }) => listPeerGroupSets(ctx.database.db)),

  /** One peer group set with its groups and members. */
  peerGroupSet: procedure(access.nationalRead)
    .input(z.object({ id: Slug("Set id") }).strict())
    .query(({ ctx, input }) => mapDataErrors(() => peerGroupSet(ctx.database.db, input.id))),

  /** Create (expectedVersion 0) or replace a peer group set; a trust sits in one group per set. */
  savePeerGroupSet: procedure(access.nationalAdmin)
    .input(
      z
        .object({
          id: Slug("Set id"),
          name: z
            .string()
            .trim()
            .min(1, "Set name is required")
            .max(200, "Set name must be at most 200 characters"),
          description: z.string().trim().max(1000, "Description must be at most 1000 characters"),
          expectedVersion: ExpectedVersion,
          groups: z.array(GroupSchema).max(200, "A set can have at most 200 groups"),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => savePeerGroupSet(ctx.database.db, actor, input));
    }),

  deletePeerGroupSet: procedure(access.nationalAdmin)
    .input(z.object({ id: Slug("Set id"), expectedVersion: ExpectedVersion }).strict())
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => deletePeerGroupSet(ctx.database.db, actor, input.id, input.expectedVersion));
    }),
});
