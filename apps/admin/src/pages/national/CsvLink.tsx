import { useSearchParams } from "react-router";

/**
 * A download of the table beside it as CSV, with the page's filters (the server reads only those it knows),
 * for a spreadsheet. `what` names the table for screen-reader users, who meet several such links.
 */
export function CsvLink({
  table,
  what,
  extra,
}: {
  table: string;
  what: string;
  extra?: Record<string, string>;
}) {
  const [params] = useSearchParams();
  const query = new URLSearchParams(params);
  for (const [k, v] of Object.entries(extra ?? {})) query.set(k, v);
  const search = query.toString();
  return (
    <p className="nhsuk-body-s realise-no-print">
      <a
        href={`/exports/${table}.csv${search ? `?${search}` : ""}`}
        download
        aria-label={`Download as CSV: ${what}`}
      >
        Download as CSV
      </a>
    </p>
  );
}
