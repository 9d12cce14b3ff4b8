import { useTRPC } from "@realise/ui";
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import { fieldId, ProblemSummary } from "../forms";
import { useProblems } from "./useProblems";

/**
 * What the draft edit forms share: problems, the handlers for their save mutation (back to the
 * version page at `section` on success) and the field error for a path under `prefix`.
 */
export function useDraftForm({
  version,
  section,
  prefix,
}: {
  version: number;
  /** The version page's section to return to, e.g. "criteria". */
  section: string;
  /** The input's field holding the item, e.g. "criterion". */
  prefix: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useProblems();
  return {
    ...form,
    back: `/frameworks/${version}#${section}`,
    saving: {
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.frameworks.pathFilter());
        navigate(`/frameworks/${version}#${section}`);
      },
      onError: form.failed,
    },
    err: (path: string): string | undefined => form.problems.fields[fieldId(`${prefix}.${path}`)],
  };
}

/** Back link, error summary and heading of a draft edit form. */
export function DraftFormHeader({
  version,
  form,
  children,
}: {
  version: number;
  form: ReturnType<typeof useDraftForm>;
  /** The heading's text. */
  children: ReactNode;
}) {
  return (
    <>
      <p>
        <Link to={form.back}>Back to draft version {version}</Link>
      </p>
      <ProblemSummary problems={form.problems} attempt={form.attempt} />
      <h1>
        <span className="nhsuk-caption-l">Draft version {version}</span>
        {children}
      </h1>
    </>
  );
}
