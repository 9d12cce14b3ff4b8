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
