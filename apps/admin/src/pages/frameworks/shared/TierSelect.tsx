import type { SchemaForm } from "@realise/ui";
import { Select } from "nhsuk-react-components";
import type { FieldPath, FieldValues } from "react-hook-form";

/** The draft's tiers as "1: Digitised foundations", bound to a form's tier number. */
export function TierSelect<Input extends FieldValues, Output>({
  form,
  name,
  tiers,
}: {
  form: SchemaForm<Input, Output>;
  name: FieldPath<Input>;
  tiers: ReadonlyArray<{ number: number; name: string }>;
}) {
  return (
    <Select {...form.field(name, "number")} label="Tier">
      {tiers.map((t) => (
        <Select.Option key={t.number} value={t.number}>
          {t.number}: {t.name}
        </Select.Option>
      ))}
    </Select>
  );
}
