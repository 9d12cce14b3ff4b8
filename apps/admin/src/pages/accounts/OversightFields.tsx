import { RegionSchema } from "@realise/domain";
import { type SchemaForm, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Select } from "nhsuk-react-components";
import { formatDate } from "@realise/ui";

/** The roles that oversee an ICB or a region, offered when an account is created. */
export const OVERSIGHT_ROLE_LABELS: Record<string, string> = {
  icb_viewer: "ICB viewer (sees one ICB's trusts, read-only)",
  region_viewer: "Region viewer (sees one region's trusts, read-only)",
};

export interface OversightValues {
  role: string;
  icbCode: string;
  region: string;
}

/** The ICB an ICB viewer oversees, or the region a region viewer oversees; nothing for other roles. */
export function OversightFields<V extends OversightValues>({ form }: { form: SchemaForm<V> }) {
  // The create form's values hold these fields; react-hook-form cannot see that through a type parameter.
  const fields = form as unknown as SchemaForm<OversightValues>;
  const role = fields.form.watch("role");
  const trpc = useTRPC();
  const icbs = useQuery({ ...trpc.registryAdmin.icbs.queryOptions(), enabled: role === "icb_viewer" });
  const today = new Date().toISOString().slice(0, 10);
  if (role === "icb_viewer")
    return (
      <Select {...fields.field("icbCode")} label="ICB" hint="The ICB whose member trusts this account sees">
        <Select.Option value="">Choose an ICB</Select.Option>
        {(icbs.data ?? [])
          .filter((i) => i.validTo === null || i.validTo >= today)
          .map((i) => (
            <Select.Option key={i.code} value={i.code}>
              {i.name} ({i.code}){i.validFrom > today ? `, from ${formatDate(i.validFrom)}` : ""}
            </Select.Option>
          ))}
      </Select>
    );
  if (role === "region_viewer")
    return (
      <Select
        {...fields.field("region")}
        label="Region"
        hint="The NHS England region whose trusts this account sees"
      >
        <Select.Option value="">Choose a region</Select.Option>
        {RegionSchema.options.map((r) => (
          <Select.Option key={r} value={r}>
            {r}
          </Select.Option>
        ))}
      </Select>
    );
  return null;
}
