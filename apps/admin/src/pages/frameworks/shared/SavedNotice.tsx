import { type ReactNode, useState } from "react";
import { useProblems } from "./useProblems";

/** The confirmation a form that stays on the page shows once it has saved. */
export function SavedNotice({ saved, children }: { saved: boolean; children: ReactNode }) {
  if (!saved) return null;
  return (
    <p role="status">
      <strong>{children}</strong>
    </p>
  );
}

/**
 * Problems and a "saved" flag for a form that stays on the page: `saving` is the mutation's
 * handlers, which refresh what `invalidate` names and then show the notice.
 */
export function useSaveInPlace(invalidate: () => Promise<unknown>) {
  const form = useProblems();
  const [saved, setSaved] = useState(false);
  return {
    ...form,
    saved,
    setSaved,
    saving: {
      onSuccess: async () => {
        await invalidate();
        setSaved(true);
      },
      onError: form.failed,
    },
  };
}
