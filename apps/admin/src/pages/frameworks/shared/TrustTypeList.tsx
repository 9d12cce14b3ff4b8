import { CheckboxList, type SchemaForm, TRUST_TYPE_LABELS } from "@realise/ui";
import type { FieldPath, FieldValues } from "react-hook-form";

const OPTIONS = Object.entries(TRUST_TYPE_LABELS).map(([value, label]) => ({ value, label }));

/** Trust-type checkboxes bound to a list of trust types, with one message for the group. */
export function TrustTypeList<Input extends FieldValues, Output>({
  form,
  name,
  legend,
}: {
  form: SchemaForm<Input, Output>;
  name: FieldPath<Input>;
  legend: string;
}) {
  return <CheckboxList form={form} name={name} legend={legend} options={OPTIONS} />;
}
