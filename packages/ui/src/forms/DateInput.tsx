import classNames from "classnames";
import { type ChangeEvent, useEffect, useState } from "react";
import { type FieldPath, type FieldValues, useController } from "react-hook-form";
import type { SchemaForm } from "./useSchemaForm";

/** The three boxes of a date, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** "2027-03-31" → { day: "31", month: "3", year: "2027" }; anything else → empty boxes. */
export function partsOf(value: unknown): DateParts {
  const m = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return { day: "", month: "", year: "" };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? "" };
}

/**
 * The boxes → an ISO date for the schema to check: "" when all are empty (the schema then asks for the
 * date), "YYYY-MM-DD" with day and month padded, and something the schema refuses when a box is missing or
 * not a number (so the message lands on the date, never a half-read value).
 */
export function isoOf({ day, month, year }: DateParts): string {
  const d = day.trim();
  const m = month.trim();
  const y = year.trim();
  if (d === "" && m === "" && y === "") return "";
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return `${y}-${m}-${d}!`;
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/**
 * The NHS.UK date input (https://service-manual.nhs.uk/design-system/components/date-input): day, month and
 * year boxes in a fieldset, bound to one ISO date field of a schema form. The error summary links to the
 * day box (it carries the field's id).
 */
export function DateInput<Input extends FieldValues, Output>({
  form,
  name,
  label,
  hint = "For example, 31 3 2027",
}: {
  form: SchemaForm<Input, Output>;
  name: FieldPath<Input>;
  label: string;
  hint?: string;
}) {
  const { field } = useController({ name, control: form.form.control });
  const [parts, setParts] = useState<DateParts>(() => partsOf(field.value));
  // A reset (or a value set elsewhere) redraws the boxes; typing does not fight the person.
  useEffect(() => {
    if (isoOf(parts) !== field.value) setParts(partsOf(field.value));
  }, [field.value]);
  const id = form.idOf(name);
  const error = form.errorOf(name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const change = (part: keyof DateParts) => (e: ChangeEvent<HTMLInputElement>) => {
    const next = { ...parts, [part]: e.target.value };
    setParts(next);
    field.onChange(isoOf(next));
  };
  const box = (part: keyof DateParts, text: string, width: 2 | 4) => (
    <div className="nhsuk-date-input__item">
      <div className="nhsuk-form-group">
        <label
          className="nhsuk-label nhsuk-date-input__label"
          htmlFor={part === "day" ? id : `${id}-${part}`}
        >
          {text}
        </label>
        <input
          className={classNames("nhsuk-input nhsuk-date-input__input", `nhsuk-input--width-${width}`, {
            "nhsuk-input--error": error,
          })}
          id={part === "day" ? id : `${id}-${part}`}
          name={`${name}[${part}]`}
          type="text"
          inputMode="numeric"
          value={parts[part]}
          onChange={change(part)}
          onBlur={field.onBlur}
        />
      </div>
    </div>
  );
  return (
    <div className={classNames("nhsuk-form-group", { "nhsuk-form-group--error": error })}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{label}</legend>
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
        {error && (
          <span className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <div className="nhsuk-date-input" id={`${id}-date`}>
          {box("day", "Day", 2)}
          {box("month", "Month", 2)}
          {box("year", "Year", 4)}
        </div>
      </fieldset>
    </div>
  );
}
