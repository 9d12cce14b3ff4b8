import type { BenefitLine } from "@realise/domain";
import type { SchemaForm } from "@realise/ui";
import { TextInput } from "nhsuk-react-components";
import { useState } from "react";
import { useController } from "react-hook-form";

type Point = BenefitLine["trajectory"][number];

/** "2026-03-31=7.5; 2027-03-31=6" as the line's trajectory; a value that does not parse stays NaN, so the schema names it. */
export function parseTrajectory(text: string): Point[] {
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [date = "", value = ""] = part.split("=").map((x) => x.trim());
      return { date, value: value === "" ? Number.NaN : Number(value.replace(/,/g, "")) };
    });
}

export const trajectoryText = (points: readonly Point[]) =>
  points.map((t) => `${t.date}=${t.value}`).join("; ");

/** The trajectory typed in one box; its points' messages show beside it. */
export function TrajectoryField({ form }: { form: SchemaForm<BenefitLine> }) {
  const { field } = useController({ control: form.form.control, name: "trajectory" });
  // The text as typed, so "2026-03-31=" half-typed is kept rather than rewritten.
  const [text, setText] = useState(() => trajectoryText(field.value ?? []));
  return (
    <TextInput
      id={form.idOf("trajectory")}
      name={field.name}
      ref={field.ref}
      value={text}
      onBlur={field.onBlur}
      onChange={(e) => {
        setText(e.currentTarget.value);
        field.onChange(parseTrajectory(e.currentTarget.value));
      }}
      error={form.errorWithin("trajectory")}
      label="Trajectory (optional)"
      hint="Expected values on the way, as date=value separated by semicolons, for example 2026-03-31=7.5; 2027-03-31=6"
    />
  );
}
