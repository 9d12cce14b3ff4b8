export {
  type FieldIdOf,
  type FieldMessages,
  type FormErrors,
  formErrorsOf,
  issueMessagesOf,
  NO_FORM_ERRORS,
} from "./errors";
export { bindField } from "./bindField";
export { ErrorSummaryFor } from "./ErrorSummaryFor";
export { useFormErrors } from "./useFormErrors";
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
