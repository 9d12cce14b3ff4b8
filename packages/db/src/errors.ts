/** A stale write: someone changed the record since the caller read it. Carries what is there now. */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly current: unknown,
    readonly changedFields: string[] = [],
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** A write refused by the state of the data (locked return, published framework…). */
export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateError";
  }
}

/** The thing named does not exist. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** Input that passed its schema but breaks a rule only the data can check (e.g. a claim without a reason). */
export class ValidationError extends Error {
  constructor(readonly issues: Array<{ path: Array<string | number>; message: string }>) {
    super(issues.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`).join("; "));
    this.name = "ValidationError";
  }
}
