import { Textarea, TextInput } from "nhsuk-react-components";
import { fieldId } from "../frameworks/forms";

/** A peer group set's name and description, when creating a set and when changing one. */
export function SetNameFields({
  name,
  setName,
  description,
  setDescription,
  errors,
}: {
  name: string;
  setName: (value: string) => void;
  description: string;
  setDescription: (value: string) => void;
  errors: { name?: string | undefined; description?: string | undefined };
}) {
  return (
    <>
      <TextInput
        id={fieldId("name")}
        label="Set name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <Textarea
        id={fieldId("description")}
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        rows={2}
      />
    </>
  );
}
