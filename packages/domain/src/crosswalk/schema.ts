import { z } from "zod";
import { FunctionalityCodeSchema } from "../framework/schema.js";

/** How one or more functionalities of the old version map into the new one. */
export const CrosswalkEntrySchema = z
  .object({
    kind: z.enum(["kept", "renamed", "split", "merged", "retired"], {
      error: "Crosswalk kind must be one of kept, renamed, split, merged, retired",
    }),
    from: z.array(FunctionalityCodeSchema, { error: "Crosswalk from must be a list of functionality codes" }),
    to: z.array(FunctionalityCodeSchema, { error: "Crosswalk to must be a list of functionality codes" }),
    note: z.string().max(1000).optional(),
  })
  .superRefine((e, ctx) => {
    const shape: Record<typeof e.kind, [boolean, string]> = {
      kept: [
        e.from.length === 1 && e.to.length === 1 && e.from[0] === e.to[0],
        "A kept entry maps one code to the same code",
      ],
      renamed: [e.from.length === 1 && e.to.length === 1, "A renamed entry maps one code to one code"],
      split: [e.from.length === 1 && e.to.length >= 2, "A split entry maps one code to two or more"],
      merged: [e.from.length >= 2 && e.to.length === 1, "A merged entry maps two or more codes to one"],
      retired: [e.from.length >= 1 && e.to.length === 0, "A retired entry lists old codes and no new ones"],
    };
    const [ok, message] = shape[e.kind];
    if (!ok) ctx.addIssue({ code: "custom", path: ["to"], message });
  });
/** A crosswalk entry. */
export type CrosswalkEntry = z.infer<typeof CrosswalkEntrySchema>;

const verbOf: Record<CrosswalkEntry["kind"], string> = {
  kept: "kept",
  renamed: "renamed to",
  split: "split into",
  merged: "merged into",
  retired: "retired",
};

/** How an entry treats its old codes, in words: "kept", "renamed to F52", "merged into F60", "retired". */
export function crosswalkTreatment(e: Pick<CrosswalkEntry, "kind" | "to">): string {
  if (e.kind === "retired" || e.kind === "kept") return e.kind;
  return `${verbOf[e.kind]} ${e.to.join(" and ")}`;
}

/** The mapping from one framework version to the next, so that trends survive criteria changes. */
export const CrosswalkSchema = z
  .object({
    fromVersion: z
      .number({ error: "From version must be a whole number" })
      .int("From version must be a whole number")
      .min(1, "From version must be at least 1")
      .max(1_000_000_000, "From version must be at most 1,000,000,000"),
    toVersion: z
      .number({ error: "To version must be a whole number" })
      .int("To version must be a whole number")
      .min(1, "To version must be at least 1")
      .max(1_000_000_000, "To version must be at most 1,000,000,000"),
    entries: z.array(CrosswalkEntrySchema, { error: "Crosswalk entries must be a list" }),
  })
  .superRefine((c, ctx) => {
    if (c.toVersion <= c.fromVersion) {
      ctx.addIssue({
        code: "custom",
        path: ["toVersion"],
        message: "To version must be after the from version",
      });
    }
    // Each old code maps one way only, or a record would be carried twice.
    const seen = new Map<string, number>();
    c.entries.forEach((e, i) => {
      for (const code of e.from) {
        const earlier = seen.get(code);
        if (earlier !== undefined && earlier !== i) {
          const a = c.entries[earlier]!;
          ctx.addIssue({
            code: "custom",
            path: ["entries", i, "from"],
            message: `${code} is both ${crosswalkTreatment(a)} (entry ${earlier + 1}) and ${crosswalkTreatment(e)} (entry ${i + 1}); an old code's records can go only one way`,
          });
        }
        if (earlier === undefined) seen.set(code, i);
      }
    });
  });
/** A crosswalk. */
export type Crosswalk = z.infer<typeof CrosswalkSchema>;
