import { Checkboxes } from "nhsuk-react-components";
import type { ReactNode } from "react";
import { type FieldPath, type FieldValues, useController } from "react-hook-form";
import type { SchemaForm } from "./useSchemaForm";

/**
 * NHS checkboxes bound to a list field (the codes ticked), with one message for the group. The first
 * box carries the field's id, so the error summary's link lands on the group.
 */
export function CheckboxList<Input extends FieldValues, Output>({
  form,
  name,
  legend,
  hint,
  options,
}: {
  form: SchemaForm<Input, Output>;
  name: FieldPath<Input>;
  legend: string;
  hint?: string;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
}) {
  const { field } = useController({ control: form.form.control, name });
  const ticked = (field.value ?? []) as string[];
  const id = form.idOf(name);
  return (
    <Checkboxes
      idPrefix={id}
      legend={legend}
      legendProps={{ size: "s" }}
      hint={hint}
      error={form.errorWithin(name)}
    >
      {options.map((option, i) => (
        <Checkboxes.Item
          key={option.value}
          id={i === 0 ? id : `${id}-${option.value}`}
          name={field.name}
          value={option.value}
          checked={ticked.includes(option.value)}
          onBlur={field.onBlur}
          onChange={(e) =>
            field.onChange(
              e.currentTarget.checked ? [...ticked, option.value] : ticked.filter((v) => v !== option.value),
            )
          }
        >
          {option.label}
        </Checkboxes.Item>
      ))}
    </Checkboxes>
  );
}
