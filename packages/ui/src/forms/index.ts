export { CheckboxList } from "./CheckboxList";
export { ConflictNotice } from "./ConflictNotice";
export { FormErrorSummary } from "./FormErrorSummary";
export {
  type Conflict,
  fieldIdOf,
  flattenErrors,
  inPageOrder,
  type Located,
  type SummaryLine,
  type ServerProblems,
  serverProblemsOf,
  stripPrefix,
} from "./problems";
export {
  type FieldKind,
  type FormSchema,
  type SchemaForm,
  type SchemaFormOptions,
  useSchemaForm,
} from "./useSchemaForm";
export { DateInput, type DateParts, isoOf, partsOf } from "./DateInput";
