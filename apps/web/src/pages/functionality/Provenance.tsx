import { formatDate } from "@realise/ui";
import { Tag } from "nhsuk-react-components";
import type { AdoptionRecordRow } from "../../types";

/** "Reported by EPR nightly feed on 1 December 2026" or "Entered by Jane Smith on 1 December 2026". */
export function provenanceLine(record: Pick<AdoptionRecordRow, "source">): string | null {
  const source = record.source;
  if (!source) return null;
  if (source.kind === "system") return `Reported by ${source.name} on ${formatDate(new Date(source.at))}`;
  return `Entered by ${source.name ?? "an unknown person"} on ${formatDate(new Date(source.at))}`;
}

/** Where a record's figures came from, with a badge when the trust's own system reported them. */
export function Provenance({ record }: { record: AdoptionRecordRow | undefined }) {
  const line = record ? provenanceLine(record) : null;
  if (!record || !line) return null;
  const system = record.source?.kind === "system";
  return (
    <p className="nhsuk-body-s" data-testid="provenance">
      {system && (
        <>
          <Tag modifier="purple">System-reported</Tag>{" "}
        </>
      )}
      {line}.
      {system && record.source?.kind === "system" && (
        <>
          {" "}
          Figures for {formatDate(record.source.periodStart)} to {formatDate(record.source.periodEnd)}.
        </>
      )}
    </p>
  );
}
