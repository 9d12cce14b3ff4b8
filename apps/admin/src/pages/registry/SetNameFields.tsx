import { Textarea, TextInput } from "nhsuk-react-components";
import type { ComponentProps } from "react";

type Bound = Pick<ComponentProps<typeof TextInput>, "id" | "name" | "onChange" | "onBlur" | "error"> & {
  ref: ComponentProps<typeof TextInput>["ref"];
};

/** A peer group set's name and description (each bound by the form), when creating a set and when changing one. */
export function SetNameFields({ name, description }: { name: Bound; description: Bound }) {
  return (
    <>
      <TextInput {...name} label="Set name" />
      <Textarea {...(description as ComponentProps<typeof Textarea>)} label="Description" rows={2} />
    </>
  );
}
