import type { RouterOutputs } from "@realise/api";
import { type Organisation, OrganisationSchema } from "@realise/domain";
import {
  ConflictNotice,
  EPR_STATUS_LABELS,
  FormErrorSummary,
  type FormSchema,
  LoadError,
  Loading,
  TRUST_TYPE_LABELS,
  label,
  useTRPC,
  usePageTitle,
} from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Select, SummaryList, Table, TextInput } from "nhsuk-react-components";
import { useFieldArray } from "react-hook-form";
import { Link, useParams } from "react-router";
import { SavedNotice, useSaveInPlace } from "../frameworks/shared/SavedNotice";
import { AdminOnly } from "../../AdminOnly";
import { useIsNationalAdmin } from "../../session";

/** One trust in the registry: EPR status, supplier and product; ICB membership with dates; peer groups. */
export function OrganisationEdit() {
  const trpc = useTRPC();
  const { odsCode = "" } = useParams();
  const org = useQuery(trpc.registryAdmin.organisation.queryOptions({ odsCode }));
  usePageTitle(org.data && `${org.data.organisation.name} (${odsCode.toUpperCase()})`);
  const lists = useQuery(trpc.organisations.referenceLists.queryOptions());
  const icbs = useQuery(trpc.registryAdmin.icbs.queryOptions());
  const error = org.error ?? lists.error ?? icbs.error;
  if (error) return <LoadError error={error} />;
  if (!org.data || !lists.data || !icbs.data) return <Loading what="the trust" />;
  const o = org.data.organisation;
  return (
    <>
      <p>
        <Link to="/registry">Organisation registry</Link>
      </p>
      <h1>
        <span className="nhsuk-caption-l">
          {o.odsCode} · {label(TRUST_TYPE_LABELS, o.trustType)} · {o.region}
        </span>
        {o.name}
      </h1>
      <EprForm key={`epr-${o.odsCode}`} organisation={o} suppliers={lists.data.suppliers} />
      <MembershipForm key={`icb-${o.odsCode}`} organisation={o} icbs={icbs.data} />
      <h2>Peer groups</h2>
      {org.data.peerGroups.length === 0 ? (
        <p>Not in any peer group set.</p>
      ) : (
        <SummaryList>
          {org.data.peerGroups.map((g) => (
            <SummaryList.Row key={g.setId}>
              <SummaryList.Key>
                <Link to={`/registry/peer-groups/${g.setId}`}>{g.setName}</Link>
              </SummaryList.Key>
              <SummaryList.Value>{g.groupName}</SummaryList.Value>
            </SummaryList.Row>
          ))}
        </SummaryList>
      )}
      <h2>Recent registry changes</h2>
      {org.data.history.length === 0 ? (
        <p>No changes recorded.</p>
      ) : (
        <ul>
          {org.data.history.map((h) => (
            <li key={h.id}>
              {new Date(h.at).toLocaleString("en-GB")}: {h.action.replace("organisation.", "")} by{" "}
              {h.actorEmail ?? "the system"}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

type Org = RouterOutputs["registryAdmin"]["organisation"]["organisation"];

// contract: registryAdmin.updateEpr (status and supplier as the domain's OrganisationSchema; the product is
// checked by the server, whose message lands on its field)
const EprSchema = OrganisationSchema.pick({ eprStatus: true, eprSupplier: true });
interface EprValues {
  eprStatus: Organisation["eprStatus"];
  eprSupplier: string | null;
  eprProduct: string | null;
}

function EprForm({ organisation: o, suppliers }: { organisation: Org; suppliers: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { form, saved, saving } = useSaveInPlace<EprValues, Pick<EprValues, "eprStatus" | "eprSupplier">>(
    {
      schema: EprSchema as unknown as FormSchema<Pick<EprValues, "eprStatus" | "eprSupplier">, EprValues>,
      defaultValues: {
        eprStatus: o.eprStatus as EprValues["eprStatus"],
        eprSupplier: o.eprSupplier,
        eprProduct: o.eprProduct,
      },
    },
    () => queryClient.invalidateQueries(),
  );
  const save = useMutation(trpc.registryAdmin.updateEpr.mutationOptions(saving));
  const onSubmit = form.onSubmit(({ eprStatus, eprSupplier }) =>
    save.mutate({
      odsCode: o.odsCode,
      expectedVersion: o.version,
      eprStatus,
      eprSupplier,
      eprProduct: form.form.getValues("eprProduct")?.trim() || null,
    }),
  );
  return (
    <section aria-labelledby="h-epr">
      <h2 id="h-epr">Electronic patient record</h2>
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <SavedNotice saved={saved}>EPR details saved.</SavedNotice>
      <form onSubmit={onSubmit} noValidate>
        <Select {...form.field("eprStatus")} label="EPR status">
          {Object.entries(EPR_STATUS_LABELS).map(([code, text]) => (
            <Select.Option key={code} value={code}>
              {text}
            </Select.Option>
          ))}
        </Select>
        <Select {...form.field("eprSupplier", "optionalText")} label="EPR supplier">
          <Select.Option value="">None recorded</Select.Option>
          {suppliers.map((s) => (
            <Select.Option key={s} value={s}>
              {s}
            </Select.Option>
          ))}
        </Select>
        <TextInput {...form.field("eprProduct", "optionalText")} label="EPR product" width={20} />
        <AdminOnly what="change a trust's EPR details">
          <Button type="submit" disabled={save.isPending}>
            Save EPR details
          </Button>
        </AdminOnly>
      </form>
    </section>
  );
}

type Icb = RouterOutputs["registryAdmin"]["icbs"][number];

interface MembershipRow {
  icbCode: string;
  validFrom: string;
  validTo: string | null;
}

function MembershipForm({ organisation: o, icbs }: { organisation: Org; icbs: Icb[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // contract: registryAdmin.setIcbMemberships. The rows are checked by the server (the domain's membership
  // schema needs the trust's code on every row); its "memberships.0.validTo" messages land on the rows.
  const { form, saved, saving } = useSaveInPlace<{ memberships: MembershipRow[] }>(
    { defaultValues: { memberships: o.icbMemberships.map((m) => ({ ...m, validTo: m.validTo ?? null })) } },
    () => queryClient.invalidateQueries(),
  );
  const rows = useFieldArray({ control: form.form.control, name: "memberships" });
  const isAdmin = useIsNationalAdmin();
  const save = useMutation(trpc.registryAdmin.setIcbMemberships.mutationOptions(saving));
  const onSubmit = form.onSubmit(({ memberships }) =>
    save.mutate({ odsCode: o.odsCode, expectedVersion: o.version, memberships }),
  );
  return (
    <section aria-labelledby="h-icb">
      <h2 id="h-icb">ICB membership</h2>
      <p>
        ICBs merge: end a membership the day before the merger and start the merged ICB's the day after. A
        trust is in one ICB on any day.
      </p>
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <SavedNotice saved={saved}>ICB membership saved.</SavedNotice>
      {saved &&
        save.data?.warnings.map((w) => (
          <div key={w} className="nhsuk-warning-callout">
            <h3 className="nhsuk-warning-callout__label">
              <span className="nhsuk-u-visually-hidden">Important: </span>No ICB today
            </h3>
            <p>{w}</p>
          </div>
        ))}
      <form onSubmit={onSubmit} noValidate>
        <Table caption="ICB membership history">
          <Table.Head>
            <Table.Row>
              <Table.Cell>ICB</Table.Cell>
              <Table.Cell>From</Table.Cell>
              <Table.Cell>To (blank if current)</Table.Cell>
              {isAdmin && <Table.Cell>Remove</Table.Cell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.fields.map((row, i) => (
              <Table.Row key={row.id}>
                <Table.Cell>
                  <Select
                    {...form.field(`memberships.${i}.icbCode`)}
                    label={`ICB for membership ${i + 1}`}
                    labelProps={{ className: "nhsuk-u-visually-hidden" }}
                  >
                    <Select.Option value="">Choose an ICB</Select.Option>
                    {icbs.map((icb) => (
                      <Select.Option key={`${icb.code}-${icb.validFrom}`} value={icb.code}>
                        {icb.name} ({icb.code}, {icb.validFrom} to {icb.validTo ?? "now"})
                      </Select.Option>
                    ))}
                  </Select>
                </Table.Cell>
                {(["validFrom", "validTo"] as const).map((f) => (
                  <Table.Cell key={f}>
                    <TextInput
                      {...form.field(`memberships.${i}.${f}`, f === "validTo" ? "optionalText" : "text")}
                      label={`${f === "validFrom" ? "Start" : "End"} date of membership ${i + 1}`}
                      labelProps={{ className: "nhsuk-u-visually-hidden" }}
                      width={10}
                      style={{ minWidth: "11em" }}
                    />
                  </Table.Cell>
                ))}
                {isAdmin && (
                  <Table.Cell>
                    <Button type="button" secondary small onClick={() => rows.remove(i)}>
                      Remove<span className="nhsuk-u-visually-hidden"> membership {i + 1}</span>
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <AdminOnly what="change a trust's ICB membership">
          <Button
            type="button"
            secondary
            onClick={() => rows.append({ icbCode: "", validFrom: "", validTo: null })}
          >
            Add a membership
          </Button>{" "}
          <Button type="submit" disabled={save.isPending}>
            Save ICB membership
          </Button>
        </AdminOnly>
      </form>
    </section>
  );
}
