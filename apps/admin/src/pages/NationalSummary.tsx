import {
  BarChart,
  EPR_STATUS_LABELS,
  LoadError,
  Loading,
  label,
  TRUST_TYPE_LABELS,
  useTRPC,
} from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { CountTable } from "./CountTable";

/** The registry at a glance: trusts by type, region, EPR status and supplier, as charts and tables. */
export function NationalSummary() {
  const trpc = useTRPC();
  const summary = useQuery(trpc.registry.summary.queryOptions());
  if (summary.isPending) return <Loading what="the national summary" />;
  if (summary.error) return <LoadError error={summary.error} />;
  const s = summary.data;
  const sections = [
    {
      id: "type",
      title: "Trusts by type",
      heading: "Trust type",
      rows: s.byTrustType.map((r) => ({ label: label(TRUST_TYPE_LABELS, r.key), count: r.count })),
    },
    {
      id: "region",
      title: "Trusts by region",
      heading: "Region",
      rows: s.byRegion.map((r) => ({ label: r.key ?? "Not known", count: r.count })),
    },
    {
      id: "epr",
      title: "Trusts by EPR status",
      heading: "EPR status",
      rows: s.byEprStatus.map((r) => ({ label: label(EPR_STATUS_LABELS, r.key), count: r.count })),
    },
    {
      id: "supplier",
      title: "Trusts by EPR supplier",
      heading: "EPR supplier",
      rows: s.byEprSupplier.map((r) => ({ label: r.key ?? "Not recorded", count: r.count })),
    },
  ];
  return (
    <>
      <h1>National summary</h1>
      <p className="nhsuk-lede-text">
        {s.total} NHS trusts in England, from the ODS registry and NHS England's EPR records.
      </p>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`h-${section.id}`}>
          <h2 id={`h-${section.id}`}>{section.title}</h2>
          <BarChart
            title={section.title}
            categories={section.rows.map((r) => r.label)}
            series={[{ name: "Trusts", values: section.rows.map((r) => r.count) }]}
            horizontal={section.rows.length > 8}
            height={section.rows.length > 8 ? 28 * section.rows.length + 80 : 300}
          />
          <CountTable caption={section.title} heading={section.heading} rows={section.rows} />
        </section>
      ))}
    </>
  );
}
