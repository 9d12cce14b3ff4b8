import { z } from "zod";

/** A five-number summary. */
export const QuantilesSchema = z.object({
  min: z.number(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
  max: z.number(),
});
/** Quantiles. */
export type Quantiles = z.infer<typeof QuantilesSchema>;

/** Trusts per attained tier, 0 to 5. */
export const TierCountsSchema = z.object({
  0: z.number().int(),
  1: z.number().int(),
  2: z.number().int(),
  3: z.number().int(),
  4: z.number().int(),
  5: z.number().int(),
});
/** Tier counts. */
export type TierCounts = Record<0 | 1 | 2 | 3 | 4 | 5, number>;

/** One group of a roll-up (an ICB, a region, a trust type, a peer group). */
export const RollUpGroupSchema = z.object({
  group: z.string(),
  count: z.number().int(),
  /** Too few trusts to show detail without identifying them. */
  suppressed: z.boolean(),
  tierCounts: TierCountsSchema.nullable(),
  /** Distribution of progress to each trust's next tier (0..1). */
  progress: QuantilesSchema.nullable(),
  /** Distribution of attained tier plus progress: one scale across tiers. */
  score: QuantilesSchema.nullable(),
});
/** A roll-up group. */
export type RollUpGroup = z.infer<typeof RollUpGroupSchema>;
