import { formatDate } from "@realise/ui";
import { Select, SummaryList } from "nhsuk-react-components";

/** The summary rows that name a framework version, shown on its page and before publishing it. */
export function VersionRows({ name, effectiveFrom }: { name: string; effectiveFrom: string }) {
  return (
    <>
      <SummaryList.Row>
        <SummaryList.Key>Name</SummaryList.Key>
        <SummaryList.Value>{name}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Effective from</SummaryList.Key>
        <SummaryList.Value>{formatDate(effectiveFrom)}</SummaryList.Value>
      </SummaryList.Row>
    </>
  );
}

/** Choose one of the framework's versions; the empty choice stands for a default the page picks. */
export function VersionSelect({
  id,
  label,
  empty,
  versions,
  value,
  onChange,
}: {
  id: string;
  label: string;
  /** The empty choice's text, e.g. "Newest". */
  empty: string;
  versions: ReadonlyArray<{ version: number }>;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Select id={id} label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <Select.Option value="">{empty}</Select.Option>
      {versions.map((v) => (
        <Select.Option key={v.version} value={v.version}>
          Version {v.version}
        </Select.Option>
      ))}
    </Select>
  );
}
