import { useState } from "react";
import { type FieldErrors, noProblems, type Problems, problemsOf } from "../forms";

/** A form's problems and its submission count (the count keys the error summary, so it takes focus again). */
export function useProblems() {
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [attempt, setAttempt] = useState(0);
  return {
    problems,
    attempt,
    /** Count an attempt, keeping what is shown until the answer comes. */
    count: () => setAttempt((n) => n + 1),
    /** A new submission: count it and clear the last one's problems. */
    begin: () => {
      setAttempt((n) => n + 1);
      setProblems(noProblems);
    },
    /** Errors found in the browser before sending. */
    invalid: (fields: FieldErrors) => setProblems({ fields, general: [], conflict: false }),
    /** A failed mutation: for its `onError`. */
    failed: (error: unknown) => setProblems(problemsOf(error)),
  };
}
