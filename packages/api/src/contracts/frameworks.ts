// Inputs of the frameworks procedures: zod only, importable by the browser (no server code).
import {
  BenefitTypeSchema,
  CrosswalkSchema,
  FunctionalityCodeSchema,
  FunctionalitySchema,
  RoadmapMilestoneSchema,
  TierCriterionSchema,
  TierSchema,
} from "@realise/domain";
import { z } from "zod";
import { IsoDateSchema } from "./organisations.js";

export const FrameworkVersionNumberSchema = z
  .number({ error: "Version must be a number" })
  .int("Version must be a whole number")
  .min(1, "Version must be at least 1")
  .max(1_000_000_000, "Version must be at most 1,000,000,000");

/** Which draft, and which revision of it the editor read (stale revisions get CONFLICT). */
const draftRef = {
  version: FrameworkVersionNumberSchema,
  expectedRowVersion: z
    .number({ error: "Expected revision must be a number" })
    .int("Expected revision must be a whole number")
    .min(1, "Expected revision must be at least 1")
    .max(1_000_000_000, "Expected revision must be at most 1,000,000,000"),
};

const Id = z.string().trim().min(1, "Id is required").max(100, "Id must be at most 100 characters");
const Name = z.string().trim().min(1, "Name is required").max(200, "Name must be at most 200 characters");

const draftEdit = <S extends z.ZodRawShape>(shape: S) => z.object({ ...draftRef, ...shape }).strict();

export const FrameworksGetInput = z.object({ version: FrameworkVersionNumberSchema }).strict();
export const FrameworksCreateDraftInput = z
  .object({ effectiveFrom: IsoDateSchema.optional(), name: Name.optional() })
  .strict()
  .optional();
/** The day a version takes effect; the words fit the three date boxes the editor types it in. */
const EffectiveFrom = z
  .string({ error: "Enter the date it takes effect" })
  .min(1, "Enter the date it takes effect")
  .pipe(z.iso.date({ error: "Effective from must be a real date, for example 1 4 2027" }));
export const FrameworksUpdateDetailsInput = draftEdit({ name: Name, effectiveFrom: EffectiveFrom });
export const FrameworksUpdateTierInput = draftEdit({ tier: TierSchema });
export const FrameworksUpdateFunctionalityInput = draftEdit({
  code: FunctionalityCodeSchema,
  functionality: FunctionalitySchema,
});
export const FrameworksAddFunctionalityInput = draftEdit({ functionality: FunctionalitySchema });
export const FrameworksRemoveFunctionalityInput = draftEdit({ code: FunctionalityCodeSchema });
export const FrameworksUpdateCriterionInput = draftEdit({ id: Id, criterion: TierCriterionSchema });
export const FrameworksAddCriterionInput = draftEdit({ criterion: TierCriterionSchema });
export const FrameworksRemoveCriterionInput = draftEdit({ id: Id });
export const FrameworksSaveBenefitTypeInput = draftEdit({
  code: z.string().trim().max(10).nullable(),
  benefitType: BenefitTypeSchema,
});
export const FrameworksRemoveBenefitTypeInput = draftEdit({ code: z.string().trim().min(1).max(10) });
export const FrameworksSaveMilestoneInput = draftEdit({
  id: Id.nullable(),
  milestone: RoadmapMilestoneSchema,
});
export const FrameworksRemoveMilestoneInput = draftEdit({ id: Id });
export const FrameworksUpdateCrosswalkInput = draftEdit({ crosswalk: CrosswalkSchema });
export const FrameworksDiscardDraftInput = z.object(draftRef).strict();
export const FrameworksEffectInput = z.object({ version: FrameworkVersionNumberSchema }).strict();
const RecordCount = (what: string) =>
  z
    .number({ error: `Records ${what} must be a number` })
    .int(`Records ${what} must be a whole number`)
    .min(0, `Records ${what} cannot be negative`)
    .max(1_000_000_000, `Records ${what} must be at most 1,000,000,000`);
/** The record counts the admin saw and confirmed on the publish page; publishing refuses if they changed. */
export const ConfirmedRecordCountsSchema = z
  .object({
    carried: RecordCount("carried"),
    changed: RecordCount("changed"),
    dropped: RecordCount("dropped"),
  })
  .strict();
export const FrameworksPublishInput = z
  .object({ ...draftRef, confirmed: ConfirmedRecordCountsSchema })
  .strict();
export const FrameworksRetireInput = z.object(draftRef).strict();
export const FrameworksDiffInput = z
  .object({ from: FrameworkVersionNumberSchema, to: FrameworkVersionNumberSchema })
  .strict();

export type FrameworksPublish = z.infer<typeof FrameworksPublishInput>;
/** A draft and the revision the editor read. */
export type DraftRef = z.infer<typeof FrameworksDiscardDraftInput>;
export type FrameworksCreateDraft = z.infer<typeof FrameworksCreateDraftInput>;
