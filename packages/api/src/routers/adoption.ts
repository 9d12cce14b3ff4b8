import {
  adoptionRecords,
  auditTrail,
  confirmTierUnchanged,
  currentFramework,
  findOrganisation,
  lockingReturn,
  peerDistributions,
  returnsFor,
  toAssessable,
  updateAdoption,
} from "@realise/db";
import { AdoptionInputSchema, assessTrust, OdsCodeSchema, periodOf, type TrustType } from "@realise/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { access } from "@realise/domain";
import { mapDataErrors } from "../errors.js";
import { procedure, requirePrincipal, router } from "../trpc.js";

const FunctionalityCodeInput = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{1,20}$/, { message: "Functionality code must be 1 to 20 letters, digits, - or _" });

export const AdoptionUpdateInputSchema = z
  .object({
    odsCode: OdsCodeSchema,
    functionalityCode: FunctionalityCodeInput,
    expectedVersion: z.number().int().min(0, { message: "Expected version must be 0 or more" }),
    values: AdoptionInputSchema,
  })
  .strict();

export const adoptionRouter = router({
  /** The trust's dashboard: tier, progress, what the next tier needs, every functionality, peers, lock state. */
  forOrganisation: procedure(access.trustRead)
    .input(z.object({ odsCode: OdsCodeSchema }).strict())
    .query(({ ctx, input }) =>
      mapDataErrors(async () => {
        const db = ctx.database.db;
        const organisation = await findOrganisation(db, input.odsCode);
        if (!organisation)
          throw new TRPCError({ code: "NOT_FOUND", message: `No trust has the ODS code ${input.odsCode}` });
        const [framework, records, peers, returns, locked] = await Promise.all([
          currentFramework(db),
          adoptionRecords(db, input.odsCode),
          peerDistributions(db, input.odsCode),
          returnsFor(db, input.odsCode),
          lockingReturn(db, input.odsCode),
        ]);
        const assessment = assessTrust(
          framework,
          { odsCode: input.odsCode, trustType: organisation.trustType as TrustType },
          toAssessable(records),
        );
        return {
          organisation,
          framework: {
            version: framework.version,
            name: framework.name,
            tiers: framework.tiers,
            functionalities: framework.functionalities,
          },
          assessment,
          records,
          peers,
          returns,
          currentPeriod: periodOf(new Date(), "quarter"),
          locked: locked ?? null,
        };
      }),
    ),

  /** Change one functionality's measures; a stale expectedVersion gets CONFLICT with what changed. */
  update: procedure(access.trustWrite)
    .input(AdoptionUpdateInputSchema)
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() =>
        updateAdoption(
          ctx.database.db,
          {
            odsCode: input.odsCode,
            functionalityCode: input.functionalityCode,
            input: input.values,
            expectedVersion: input.expectedVersion,
          },
          actor,
        ),
      );
    }),

  /** Confirm every record of a tier unchanged, in one action. */
  confirmTier: procedure(access.trustWrite)
    .input(z.object({ odsCode: OdsCodeSchema, tier: z.number().int().min(1).max(10) }).strict())
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => confirmTierUnchanged(ctx.database.db, input.odsCode, input.tier, actor));
    }),

  /** Every change to one record: who, when, before, after. */
  history: procedure(access.trustRead)
    .input(z.object({ odsCode: OdsCodeSchema, functionalityCode: FunctionalityCodeInput }).strict())
    .query(({ ctx, input }) =>
      auditTrail(ctx.database.db, {
        entity: "adoption_record",
        entityKey: `${input.odsCode}/${input.functionalityCode}`,
      }),
    ),

  /** Recent changes across the trust. */
  recentChanges: procedure(access.trustRead)
    .input(z.object({ odsCode: OdsCodeSchema, limit: z.number().int().min(1).max(200).optional() }).strict())
    .query(({ ctx, input }) =>
      auditTrail(ctx.database.db, { odsCode: input.odsCode, limit: input.limit ?? 50 }),
    ),
});
