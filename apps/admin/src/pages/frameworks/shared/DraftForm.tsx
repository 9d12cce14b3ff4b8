import {
  ConflictNotice,
  FormErrorSummary,
  type FormSchema,
  type SchemaForm,
  useSchemaForm,
  useTRPC,
} from "@realise/ui";
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { DefaultValues, FieldValues } from "react-hook-form";
import { Link, useNavigate } from "react-router";

/**
 * A draft edit form: the item's domain schema checks it; the item sits under `prefix` in the
 * procedure's input ("functionality"), so the server's "functionality.name" lands on the field
 * `name`, whose element id keeps the prefix ("functionality-name"). On success it goes back to the
 * version page at `section`.
 */
export function useDraftForm<Input extends FieldValues, Output = Input>({
  version,
  section,
  prefix,
  schema,
  defaultValues,
}: {
  version: number;
  /** The version page's section to return to, e.g. "criteria". */
  section: string;
  /** The input's field holding the item, e.g. "criterion". */
  prefix: string;
  schema: FormSchema<Output, Input>;
  defaultValues: DefaultValues<Input>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useSchemaForm<Input, Output>({
    schema,
    defaultValues,
    serverPath: prefix,
    idPrefix: `${prefix || "draft"}-`,
  });
  const back = `/frameworks/${version}#${section}`;
  return {
    form,
    back,
    saving: {
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.frameworks.pathFilter());
        navigate(back);
      },
      onError: form.failed,
    },
  };
}

/** Back link, error summary (or the conflict notice) and heading of a draft edit form. */
export function DraftFormHeader<Input extends FieldValues, Output>({
  version,
  back,
  form,
  children,
}: {
  version: number;
  back: string;
  form: SchemaForm<Input, Output>;
  /** The heading's text. */
  children: ReactNode;
}) {
  return (
    <>
      <p>
        <Link to={back}>Back to draft version {version}</Link>
      </p>
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <h1>
        <span className="nhsuk-caption-l">Draft version {version}</span>
        {children}
      </h1>
    </>
  );
}
