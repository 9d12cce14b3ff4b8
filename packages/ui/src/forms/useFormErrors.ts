import { useState } from "react";
import { type FieldIdOf, type FieldMessages, type FormErrors, formErrorsOf, NO_FORM_ERRORS } from "./errors";

/**
 * A form's errors and its submission count. The count keys the error summary, so the summary is
 * rendered afresh (and takes focus) on every attempt.
 */
export function useFormErrors(idOf?: FieldIdOf) {
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [attempt, setAttempt] = useState(0);
  return {
    ...errors,
    attempt,
    /** A new submission: count it and clear the last one's errors. */
    begin: () => {
      setAttempt((n) => n + 1);
      setErrors(NO_FORM_ERRORS);
    },
    /** Errors found before sending, keyed by field id. */
    invalid: (fields: FieldMessages) => setErrors({ fields, message: null, conflict: false }),
    /** A failed request: for `onError` of a mutation. */
    failed: (error: unknown) => setErrors(formErrorsOf(error, idOf)),
  };
}
