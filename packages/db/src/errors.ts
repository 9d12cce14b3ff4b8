import { AppError } from "@realise/domain";

// Transitional names for AppError while queries move into repositories and services; new code throws
// AppError directly. Each is an AppError, so the edge maps it like any other.

/** A stale write: someone changed the record since the caller read it. Carries what is there now. */
export class ConflictError extends AppError {
  constructor(message: string, current: unknown, changedFields: string[] = []) {
    super("CONFLICT", message, { current, changedFields });
  }
}

/** A write refused by the state of the data (locked return, published framework…). */
export class StateError extends AppError {
  constructor(message: string) {
    super("PRECONDITION_FAILED", message);
  }
}

/** The thing named does not exist. */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super("NOT_FOUND", message);
  }
}

/** Input that passed its schema but breaks a rule only the data can check (e.g. a claim without a reason). */
export class ValidationError extends AppError {
  constructor(issues: Array<{ path: Array<string | number>; message: string }>) {
    super("BAD_REQUEST", issues.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`).join("; "), {
      issues,
    });
  }
}
