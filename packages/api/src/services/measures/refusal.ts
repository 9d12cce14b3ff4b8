/** One problem, for an OperationOutcome issue: the FHIR issue type, the element, and plain words. */
export interface RefusalIssue {
  code:
    | "structure"
    | "invalid"
    | "forbidden"
    | "duplicate"
    | "business-rule"
    | "conflict"
    | "not-found"
    | "login"
    | "not-supported";
  expression?: string;
  diagnostics: string;
}

/** A use case of the FHIR interface said no: the HTTP edge answers it as an OperationOutcome. */
export class FhirRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422,
    readonly issues: RefusalIssue[],
  ) {
    super(issues.map((i) => i.diagnostics).join("; "));
  }
}
