import { type SchemaFormOptions, useSchemaForm } from "@realise/ui";
import { type ReactNode, useState } from "react";
import type { FieldValues } from "react-hook-form";

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
 * A form that stays on the page: `saving` is the mutation's handlers, which refresh what
 * `invalidate` names and then show the notice.
 */
export function useSaveInPlace<Input extends FieldValues, Output = Input>(
  options: SchemaFormOptions<Input, Output>,
  invalidate: () => Promise<unknown>,
) {
  const form = useSchemaForm<Input, Output>(options);
  const [saved, setSaved] = useState(false);
  return {
    form,
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
