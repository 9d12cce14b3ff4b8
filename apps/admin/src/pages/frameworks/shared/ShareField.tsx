import type { SchemaForm } from "@realise/ui";
import { TextInput } from "nhsuk-react-components";
import { useState } from "react";
import { type FieldPath, type FieldValues, useController } from "react-hook-form";

const percentOf = (share: unknown) =>
  typeof share === "number" && Number.isFinite(share) ? String(Math.round(share * 1000) / 10) : "";

/**
 * A share (0 to 1) typed as a percentage: 80 is 0.8. Text that is not a number is NaN, so the
 * schema names the field.
 */
export function ShareField<Input extends FieldValues, Output>({
  form,
  name,
  label,
}: {
  form: SchemaForm<Input, Output>;
  name: FieldPath<Input>;
  label: string;
}) {
  const { field } = useController({ control: form.form.control, name });
  const [text, setText] = useState(() => percentOf(field.value));
  return (
    <TextInput
      id={form.idOf(name)}
      name={field.name}
      ref={field.ref}
      label={label}
      inputMode="decimal"
      width={4}
      value={text}
      onBlur={field.onBlur}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        field.onChange(typed.trim() === "" ? Number.NaN : Number(typed.trim()) / 100);
      }}
      // The schema speaks of the stored share; the box takes a percentage.
      error={form.errorOf(name)?.replace("from 0 to 1", "from 0 to 100%")}
    />
  );
}
