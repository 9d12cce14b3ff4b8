import type { ChangeEvent } from "react";
import type { FieldMessages } from "./errors";

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/**
 * The props that tie a text input, select or textarea to one text value of a form's state and to
 * its error (`errors` is keyed like `values`): `<TextInput {...field("title")} label="Title" />`.
 * `idOf` gives the element's id.
 */
export function bindField<V extends object>(
  values: V,
  set: (key: StringKeys<V>, value: string) => void,
  errors: Readonly<FieldMessages>,
  idOf: (key: string) => string = (key) => key,
) {
  return (key: StringKeys<V>) => ({
    id: idOf(key),
    value: values[key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      set(key, e.currentTarget.value),
    error: errors[key],
  });
}
