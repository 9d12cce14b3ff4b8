// Inputs of the collections procedures: zod only, importable by the browser (no server code).
import { CollectionSchema } from "@realise/domain";

/** Open a quarter for returns. The form and the procedure share this schema. */
export const CollectionsOpenInput = CollectionSchema;
