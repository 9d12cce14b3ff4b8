import { FormErrorSummary, useSchemaForm, useTRPC, useTRPCClient } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BackLink, Button, Table, Textarea } from "nhsuk-react-components";
import { type ChangeEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { downloadText, formatNumber, type ImportPreview } from "./format";
import { LockedNotice, useLockingReturn } from "../../components/LockedNotice";

/**
 * Import actuals from a CSV: download the template, choose or paste the file, check it (nothing is written),
 * then accept the preview to write every row at once.
 */
export function BenefitsImport() {
  const { odsCode = "" } = useParams();
  const locked = useLockingReturn(odsCode);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // contract: benefits.previewImport / benefits.commitImport; the CSV's rows are checked by the server, which
  // answers with a preview rather than field messages, so the box only has to hold something.
  const form = useSchemaForm({ defaultValues: { csv: "" } });
  const csv = form.form.watch("csv");
  const [checked, setChecked] = useState<{ csv: string; preview: ImportPreview } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const preview = useMutation(
    trpc.benefits.previewImport.mutationOptions({
      onSuccess: (result, input) => {
        setChecked({ csv: input.csv, preview: result });
      },
      onError: form.failed,
    }),
  );
  const commit = useMutation(
    trpc.benefits.commitImport.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        navigate(`/trusts/${odsCode}/benefits`, {
          state: { notice: `${result.imported} actuals were imported for ${result.lines} benefits.` },
        });
      },
      onError: form.failed,
    }),
  );

  const template = async () => {
    try {
      downloadText(
        `benefit-actuals-template-${odsCode}.csv`,
        await client.benefits.importTemplate.query({ odsCode }),
      );
      setStatus("The template was downloaded.");
    } catch (error) {
      setStatus(`The template could not be downloaded: ${(error as Error).message}`);
    }
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    form.form.setValue("csv", await file.text());
    setChecked(null);
  };
  const onCheck = form.onSubmit((values) => {
    setChecked(null);
    preview.mutate({ odsCode, csv: values.csv });
  });
  const p = checked?.preview;
  const stale = checked !== null && checked.csv !== csv;

  return (
    <>
      <BackLink asElement={Link} to={`/trusts/${odsCode}/benefits`}>
        Benefits register
      </BackLink>
      <h1>Import actuals from CSV</h1>
      {locked && <LockedNotice locked={locked} />}
      <p>
        The file has the columns <code>benefit_id</code>, <code>title</code>, <code>period</code>,{" "}
        <code>value</code> and <code>source</code>, one row per benefit and period. The template lists every
        benefit being tracked, for the period now due. Nothing is written until you accept the check.
      </p>
      <Button type="button" secondary onClick={template}>
        Download the template
      </Button>
      {status && (
        <p role="status" className="nhsuk-body-s">
          {status}
        </p>
      )}
      <FormErrorSummary {...form.summary} />
      <form onSubmit={onCheck} noValidate aria-label="Check a CSV of actuals">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="csv-file">
            CSV file
          </label>
          <input
            className="nhsuk-file-upload"
            id="csv-file"
            name="csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={onFile}
          />
        </div>
        <Textarea
          {...form.field("csv", "text", {
            validate: (v) => String(v).trim() !== "" || "Choose a CSV file or paste its contents",
          })}
          label="Or paste the CSV"
          rows={8}
        />
        <Button type="submit" disabled={preview.isPending}>
          Check the file
        </Button>
      </form>
      {p && !stale && (
        <section aria-labelledby="h-check">
          <h2 id="h-check">Check</h2>
          <p role="status">
            {p.total} rows read: {p.rows.length} ready to import,{" "}
            {p.errors.length === 0
              ? "no problems"
              : `${new Set(p.errors.map((e) => e.row)).size} rows with problems`}
            .
          </p>
          {p.errors.length > 0 && (
            <Table caption="Rows with problems (fix them in the file and check again)">
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Row</Table.Cell>
                  <Table.Cell>Column</Table.Cell>
                  <Table.Cell>Problem</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {p.errors.map((e) => (
                  <Table.Row key={`${e.row}-${e.field}-${e.reason}`}>
                    <Table.Cell>{e.row}</Table.Cell>
                    <Table.Cell>{e.field}</Table.Cell>
                    <Table.Cell>{e.reason}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {p.rows.length > 0 && (
            <Table caption="Rows ready to import">
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Row</Table.Cell>
                  <Table.Cell>Benefit</Table.Cell>
                  <Table.Cell>Period</Table.Cell>
                  <Table.Cell>Value</Table.Cell>
                  <Table.Cell>Replaces</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {p.rows.map((r) => (
                  <Table.Row key={r.row}>
                    <Table.Cell>{r.row}</Table.Cell>
                    <Table.Cell>{r.title}</Table.Cell>
                    <Table.Cell>{r.period}</Table.Cell>
                    <Table.Cell>{formatNumber(r.value)}</Table.Cell>
                    <Table.Cell>{r.replaces === null ? "New" : formatNumber(r.replaces)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {p.errors.length === 0 && p.rows.length > 0 && (
            <Button
              type="button"
              disabled={commit.isPending}
              onClick={() => commit.mutate({ odsCode, csv: checked.csv })}
            >
              Import {p.rows.length} actuals
            </Button>
          )}
        </section>
      )}
    </>
  );
}
