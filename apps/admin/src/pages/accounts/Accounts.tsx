import type { RouterOutputs } from "@realise/api";
import {
  ConflictNotice,
  Empty,
  FormErrorSummary,
  LoadError,
  Loading,
  type SchemaForm,
  useSchemaForm,
  useTRPC,
} from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Select, Table, TextInput } from "nhsuk-react-components";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { SavedNotice } from "../frameworks/shared/SavedNotice";
import { AdminOnly } from "../../AdminOnly";
import { AccountActions } from "./AccountActions";
import { OVERSIGHT_ROLE_LABELS, OversightFields } from "./OversightFields";

export const ROLE_LABELS: Record<string, string> = {
  trust_viewer: "Trust viewer",
  trust_editor: "Trust editor",
  trust_approver: "Trust approver (CIO or deputy)",
  national_admin: "National admin",
  national_analyst: "National analyst",
};

function AllAccounts() {
  return (
    <p>
      <Link to="/accounts">All accounts</Link>
    </p>
  );
}

/** A trust-scoped role needs the trust; national roles have none. */
const odsCodeFor = (role: string, odsCode: string) =>
  role.startsWith("trust_") ? odsCode.trim().toUpperCase() || null : null;

/** Every account with its role and trust; for national administrators only (an analyst is told so). */
export function Accounts() {
  return (
    <AdminOnly what="see and manage accounts">
      <AccountList />
    </AdminOnly>
  );
}

function AccountList() {
  const trpc = useTRPC();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  if (accounts.isPending) return <Loading what="accounts" />;
  if (accounts.error) return <LoadError error={accounts.error} />;
  return (
    <>
      <h1>Accounts</h1>
      <p>
        <Link to="/accounts/new">Create an account</Link>
      </p>
      {accounts.data.length === 0 ? (
        <Empty>No accounts yet.</Empty>
      ) : (
        <Table caption={`${accounts.data.length} accounts`} responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Email</Table.Cell>
              <Table.Cell>Name</Table.Cell>
              <Table.Cell>Role</Table.Cell>
              <Table.Cell>Trust</Table.Cell>
              <Table.Cell>State</Table.Cell>
              <Table.Cell>Change</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {accounts.data.map((a) => (
              <Table.Row key={a.userId}>
                <Table.Cell>
                  <Link to={`/accounts/${a.userId}`}>{a.email}</Link>
                </Table.Cell>
                <Table.Cell>{a.name}</Table.Cell>
                <Table.Cell>{ROLE_LABELS[a.role] ?? a.role}</Table.Cell>
                <Table.Cell>{a.trustName ? `${a.trustName} (${a.odsCode})` : "–"}</Table.Cell>
                <Table.Cell>{a.disabledAt ? "Disabled" : "Active"}</Table.Cell>
                <Table.Cell>
                  <AccountActions account={a} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}

interface RoleValues {
  role: string;
  odsCode: string;
}

/** Role, and the trust for a trust-scoped role; the same two fields on both account forms. */
function RoleFields<V extends RoleValues>({
  form,
  labels = ROLE_LABELS,
}: {
  form: SchemaForm<V>;
  labels?: Record<string, string>;
}) {
  // The two forms' values both hold these fields; react-hook-form cannot see that through a type parameter.
  const roles = form as unknown as SchemaForm<RoleValues>;
  const role = roles.form.watch("role");
  return (
    <>
      <Select {...roles.field("role")} label="Role">
        {Object.entries(labels).map(([code, text]) => (
          <Select.Option key={code} value={code}>
            {text}
          </Select.Option>
        ))}
      </Select>
      {role.startsWith("trust_") && (
        <TextInput {...roles.field("odsCode")} label="Trust ODS code" hint="For example RGT" width={5} />
      )}
    </>
  );
}

/** Create an account with an initial password. */
export function CreateAccount() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // contract: accounts.create. Checked by the server (no domain schema for a new account); its messages
  // land on the fields.
  const form = useSchemaForm({
    defaultValues: {
      email: "",
      name: "",
      role: "trust_editor",
      odsCode: "",
      icbCode: "",
      region: "",
      password: "",
    },
  });
  const create = useMutation(
    trpc.accounts.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.accounts.pathFilter()),
      onError: form.failed,
    }),
  );
  const onSubmit = form.onSubmit(({ email, name, role, odsCode, icbCode, region, password }) =>
    create.mutate({
      email: email.trim(),
      name,
      role: role as "trust_editor",
      odsCode: odsCodeFor(role, odsCode),
      ...(role === "icb_viewer" ? { icbCode: icbCode || null } : {}),
      ...(role === "region_viewer" ? { region: (region || null) as "London" | null } : {}),
      password,
    }),
  );
  if (create.data)
    return (
      <>
        <h1>Account created</h1>
        <p role="status">
          {create.data.email} can now sign in with the initial password you set. Ask them to keep it private.
        </p>
        <AllAccounts />
      </>
    );
  return (
    <>
      <AllAccounts />
      <FormErrorSummary {...form.summary} />
      <h1>Create an account</h1>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          {...form.field("email")}
          type="email"
          label="Email address"
          autoComplete="off"
          width={30}
        />
        <TextInput {...form.field("name")} label="Name" width={30} />
        <RoleFields form={form} labels={{ ...ROLE_LABELS, ...OVERSIGHT_ROLE_LABELS }} />
        <OversightFields form={form} />
        <TextInput
          {...form.field("password")}
          type="password"
          label="Initial password"
          hint="At least 10 characters"
          autoComplete="new-password"
          width={20}
        />
        <AdminOnly what="create an account">
          <Button type="submit" disabled={create.isPending}>
            Create account
          </Button>
        </AdminOnly>
      </form>
    </>
  );
}

/** Change an account's role and trust. */
export function EditAccount() {
  const trpc = useTRPC();
  const { userId = "" } = useParams();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  if (accounts.isPending) return <Loading what="the account" />;
  if (accounts.error) return <LoadError error={accounts.error} />;
  const account = accounts.data.find((a) => a.userId === userId);
  if (!account) return <LoadError error={{ message: "No account has that id" }} />;
  return <BindingForm key={`${account.role}-${account.odsCode}`} account={account} />;
}

function BindingForm({ account }: { account: RouterOutputs["accounts"]["list"][number] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // contract: accounts.changeBinding. Checked by the server; a stale binding gets the conflict notice.
  const form = useSchemaForm<RoleValues>({
    defaultValues: { role: account.role, odsCode: account.odsCode ?? "" },
  });
  const [saved, setSaved] = useState(false);
  const change = useMutation(
    trpc.accounts.changeBinding.mutationOptions({
      onSuccess: async () => {
        // Shown before the refresh: the new role re-keys this form.
        setSaved(true);
        await queryClient.invalidateQueries(trpc.accounts.pathFilter());
      },
      onError: form.failed,
    }),
  );
  const onSubmit = form.onSubmit(({ role, odsCode }) => {
    setSaved(false);
    change.mutate({
      userId: account.userId,
      expected: { role: account.role as "trust_editor", odsCode: account.odsCode },
      role: role as "trust_editor",
      odsCode: odsCodeFor(role, odsCode),
    });
  });
  return (
    <>
      <AllAccounts />
      <FormErrorSummary {...form.summary} />
      {form.conflict && <ConflictNotice conflict={form.conflict} />}
      <h1>
        <span className="nhsuk-caption-l">{account.email}</span>
        {account.name}
      </h1>
      <SavedNotice saved={saved}>Role saved.</SavedNotice>
      <form onSubmit={onSubmit} noValidate>
        <RoleFields form={form} />
        <AdminOnly what="change an account's role">
          <Button type="submit" disabled={change.isPending}>
            Save role
          </Button>
        </AdminOnly>
      </form>
    </>
  );
}
