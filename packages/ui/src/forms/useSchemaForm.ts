import { zodResolver } from "@hookform/resolvers/zod";
import type { ChangeEvent } from "react";
import { useState } from "react";
import {
  type DefaultValues,
  type FieldPath,
  type FieldValues,
  type RegisterOptions,
  type Resolver,
  type SubmitHandler,
  useForm,
} from "react-hook-form";
import { type Conflict, fieldIdOf, flattenErrors, serverProblemsOf, stripPrefix } from "./problems";

/** A zod schema as the resolver sees it: what the form holds (`input`) and what it sends (`output`). */
export interface FormSchema<Output, Input> {
  _zod: { input: Input; output: Output };
}

/**
 * How a text box's text becomes the schema's value. "number": empty or unreadable is NaN, so the
 * schema names the field; "optionalNumber" and "optionalText": empty is null.
 */
export type FieldKind = "text" | "number" | "optionalNumber" | "optionalText";

/** A typed number; thousands separators ("500,000") are allowed, as people write them. */
const readNumber = (text: string) => Number(text.trim().replace(/,/g, ""));

export const parsers: Record<FieldKind, ((text: unknown) => unknown) | undefined> = {
  text: undefined,
  number: (t) => (typeof t === "string" ? (t.trim() === "" ? Number.NaN : readNumber(t)) : t),
  optionalNumber: (t) => (typeof t === "string" ? (t.trim() === "" ? null : readNumber(t)) : t),
  optionalText: (t) => (typeof t === "string" ? (t.trim() === "" ? null : t) : t),
};

export interface SchemaFormOptions<Input extends FieldValues, Output> {
  /**
   * What the form checks before sending: the procedure's input schema or a `.pick()`/`.extend()` of
   * the domain schema it is built from. Without one, fields check themselves (`rules`).
   */
  schema?: FormSchema<Output, Input>;
  defaultValues: DefaultValues<Input>;
  /**
   * The server's field path → the form's field name. A string strips that prefix ("values" turns
   * "values.coveragePct" into "coveragePct"); a path the form does not show is listed without a link.
   */
  serverPath?: string | ((path: string) => string | undefined);
  /** Put before every field's id, when two forms on a page could share a field name ("plan-"). */
  idPrefix?: string;
}

/**
 * One form on react-hook-form: the schema checks it in the browser, the server's field messages land
 * on the same fields, a conflict is kept for the conflict notice, and `attempt` counts failed
 * submissions so the error summary is drawn afresh and takes focus each time.
 */
export function useSchemaForm<Input extends FieldValues, Output = Input>({
  schema,
  defaultValues,
  serverPath = "",
  idPrefix = "",
}: SchemaFormOptions<Input, Output>) {
  const form = useForm<Input, unknown, Output>({
    ...(schema
      ? { resolver: zodResolver(schema as never) as unknown as Resolver<Input, unknown, Output> }
      : {}),
    defaultValues,
    // The NHS pattern: check on submit, then summary and messages stay until the next submit.
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const [attempt, setAttempt] = useState(0);
  const [general, setGeneral] = useState<string[]>([]);
  // Messages from outside the schema (the server's, a rule's), by field name; the schema's own come from
  // react-hook-form and win for a field that has both. They last until the next submit.
  const [outside, setOutside] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const fieldOf = typeof serverPath === "string" ? stripPrefix(serverPath) : serverPath;
  const { errors } = form.formState;
  const idOf = (name: string) => `${idPrefix}${fieldIdOf(name)}`;

  /** The submit handler: checks the form, clears the last attempt's problems, then calls `send`. */
  const onSubmit = (send: SubmitHandler<Output>) =>
    form.handleSubmit(
      (values, event) => {
        setOutside({});
        setGeneral([]);
        setConflict(null);
        return send(values, event);
      },
      () => {
        setOutside({});
        setGeneral([]);
        setConflict(null);
        setAttempt((n) => n + 1);
      },
    );

  /** A failed request (a mutation's `onError`): field messages onto fields, a conflict to the notice. */
  const failed = (error: unknown) => {
    const problems = serverProblemsOf(error, fieldOf);
    setOutside(problems.fields);
    setGeneral(problems.general);
    setConflict(problems.conflict);
    setAttempt((n) => n + 1);
  };

  /**
   * A problem found outside the schema (a rule that needs data the schema lacks, an answer that is
   * not tRPC's), shown like a field's; `null` for one about the whole form.
   */
  const reject = (name: FieldPath<Input> | null, message: string) => {
    if (name === null) setGeneral((g) => [...g, message]);
    else setOutside((o) => ({ [name]: message, ...o }));
    setAttempt((n) => n + 1);
  };

  const messages = { ...outside, ...flattenErrors(errors) };
  /** The message for a field. */
  const errorOf = (name: string): string | undefined => messages[name];
  /** The message for a field or the first of its parts (for one box that holds a list: a trajectory). */
  const errorWithin = (name: string): string | undefined =>
    messages[name] ?? Object.entries(messages).find(([key]) => key.startsWith(`${name}.`))?.[1];

  /**
   * The props that bind an NHS input, textarea or select to a field:
   * `<TextInput {...field("title")} label="Title" />`.
   */
  const field = (
    name: FieldPath<Input>,
    kind: FieldKind = "text",
    rules: Omit<
      RegisterOptions<Input, FieldPath<Input>>,
      "setValueAs" | "valueAsNumber" | "valueAsDate"
    > = {},
  ) => {
    const setValueAs = parsers[kind];
    const registered = form.register(name, (setValueAs ? { ...rules, setValueAs } : rules) as never);
    return {
      ...registered,
      id: idOf(name),
      error: errorOf(name),
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
        registered.onChange(e),
    };
  };

  /** The props for one checkbox bound to a true/false field. */
  const checkbox = (name: FieldPath<Input>) => ({ ...form.register(name), id: idOf(name) });

  return {
    form,
    field,
    checkbox,
    errorOf,
    errorWithin,
    onSubmit,
    failed,
    reject,
    attempt,
    conflict,
    /** Forget a conflict once the person has loaded the latest values. */
    clearConflict: () => setConflict(null),
    idOf,
    summary: { fields: messages, general, attempt, idOf },
  };
}

export type SchemaForm<Input extends FieldValues, Output = Input> = ReturnType<
  typeof useSchemaForm<Input, Output>
>;
