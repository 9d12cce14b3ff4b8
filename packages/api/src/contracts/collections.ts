// Inputs of the collections procedures: zod only, importable by the browser (no server code).
import { CollectionSchema, PeriodSchema } from "@realise/domain";
import { z } from "zod";

/** Open a quarter for returns. The form and the procedure share this schema. */
export const CollectionsOpenInput = CollectionSchema;

/** Every trust's state in one period's collection. */
export const CollectionsStatusInput = z.object({ period: PeriodSchema }).strict();
