import { TeamInviteInput } from "@realise/api/contracts";
import { FormErrorSummary, formatDate, Loading, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Select, Table, Tag, TextInput } from "nhsuk-react-components";
import { useState } from "react";
import { useParams } from "react-router";
import { Problem } from "../../components/Problem";
import { canEdit, roleLabel, useMe } from "../../session";
import { AssignWork } from "./AssignWork";

const ROLES = ["trust_viewer", "trust_editor", "trust_approver"] as const;

/** Whether the signed-in person manages this trust's team: its approver, or a national admin. */
const manages = (me: { role: string; odsCode: string | null } | null, odsCode: string) =>
  me !== null && (me.role === "national_admin" || (me.role === "trust_approver" && me.odsCode === odsCode));

/** Invite a colleague by email with a role; they get a one-time link valid for 7 days. */
function InviteForm({ odsCode, onDone }: { odsCode: string; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: TeamInviteInput,
    defaultValues: { odsCode, email: "", role: "trust_editor" as const },
  });
  const invite = useMutation(
    trpc.team.invite.mutationOptions({
      onError: form.failed,
      onSuccess: (r) => {
        form.form.reset({ odsCode, email: "", role: "trust_editor" });
        onDone(`Invitation sent to ${r.email}. The link works until ${formatDate(r.expiresAt)}.`);
        return queryClient.invalidateQueries();
      },
    }),
  );
  return (
    <form noValidate onSubmit={form.onSubmit((v) => invite.mutate(v))} aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a colleague</h2>
      <FormErrorSummary {...form.summary} />
      <TextInput {...form.field("email")} type="email" label="Email address" spellCheck={false} width={30} />
      <Select {...form.field("role")} label="Role">
        {ROLES.map((r) => (
          <Select.Option key={r} value={r}>
            {roleLabel(r)[0]!.toUpperCase() + roleLabel(r).slice(1)}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" disabled={invite.isPending}>
        Send invitation
      </Button>
    </form>
  );
}

/** The trust's team: who has an account, with what role; the approver invites, changes roles, disables. */
export default function TeamPage() {
  const { odsCode: raw = "" } = useParams();
  const odsCode = raw.toUpperCase();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe().data ?? null;
  const team = useQuery(trpc.team.list.queryOptions({ odsCode }));
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const after = (message: string) => ({
    onSuccess: () => {
      setFailure(null);
      setDone(message);
      return queryClient.invalidateQueries();
    },
    onError: (e: { message: string }) => {
      setDone(null);
      setFailure(e.message);
    },
  });
  const changeRole = useMutation(trpc.team.changeRole.mutationOptions(after("Role changed.")));
  const disable = useMutation(
    trpc.team.disable.mutationOptions(after("Account disabled: its sessions have ended.")),
  );
  const enable = useMutation(trpc.team.enable.mutationOptions(after("Account enabled again.")));
  const resend = useMutation(
    trpc.team.resend.mutationOptions(after("Invitation sent again with a new link.")),
  );

  if (team.isPending) return <Loading what="the team" />;
  if (team.error) return <Problem error={team.error} what="this trust's team" />;
  const canManage = manages(me, odsCode);
  const busy = changeRole.isPending || disable.isPending || enable.isPending || resend.isPending;
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">
          Team<span className="nhsuk-u-visually-hidden"> of </span>
        </span>
        {odsCode}
      </h1>
      {done && (
        <p className="realise-done" role="status">
          {done}
        </p>
      )}
      {failure && (
        <p className="nhsuk-error-message" role="alert">
          {failure}
        </p>
      )}
      <Table caption="People with an account">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Name</Table.Cell>
            <Table.Cell>Email address</Table.Cell>
            <Table.Cell>Role</Table.Cell>
            <Table.Cell>State</Table.Cell>
            {canManage && <Table.Cell>Change</Table.Cell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {team.data.members.map((m) => (
            <Table.Row key={m.userId}>
              <Table.Cell>{m.name}</Table.Cell>
              <Table.Cell>{m.email}</Table.Cell>
              <Table.Cell>{roleLabel(m.role)}</Table.Cell>
              <Table.Cell>
                {m.disabled ? <Tag modifier="grey">Disabled</Tag> : <Tag modifier="green">Active</Tag>}
              </Table.Cell>
              {canManage && (
                <Table.Cell>
                  {m.userId === me?.userId ? (
                    "You"
                  ) : (
                    <div className="realise-buttons">
                      <label className="nhsuk-u-visually-hidden" htmlFor={`role-${m.userId}`}>
                        Role of {m.name}
                      </label>
                      <select
                        id={`role-${m.userId}`}
                        className="nhsuk-select"
                        value={m.role}
                        disabled={busy}
                        onChange={(e) =>
                          changeRole.mutate({
                            odsCode,
                            userId: m.userId,
                            role: e.target.value as (typeof ROLES)[number],
                          })
                        }
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {roleLabel(r)}
                          </option>
                        ))}
                      </select>
                      <Button
                        secondary
                        small
                        disabled={busy}
                        onClick={() => (m.disabled ? enable : disable).mutate({ odsCode, userId: m.userId })}
                      >
                        {m.disabled ? `Enable ${m.name}` : `Disable ${m.name}`}
                      </Button>
                    </div>
                  )}
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {team.data.invitations.length > 0 && (
        <Table caption="Invitations not yet accepted">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Email address</Table.Cell>
              <Table.Cell>Role</Table.Cell>
              <Table.Cell>Link works until</Table.Cell>
              {canManage && <Table.Cell>Send again</Table.Cell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {team.data.invitations.map((i) => (
              <Table.Row key={i.id}>
                <Table.Cell>{i.email}</Table.Cell>
                <Table.Cell>{roleLabel(i.role)}</Table.Cell>
                <Table.Cell>{i.expired ? "Expired" : formatDate(i.expiresAt)}</Table.Cell>
                {canManage && (
                  <Table.Cell>
                    <Button
                      secondary
                      small
                      disabled={busy}
                      onClick={() => resend.mutate({ odsCode, invitationId: i.id })}
                    >
                      Send again to {i.email}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <AssignWork odsCode={odsCode} colleagues={team.data.members} canAssign={canEdit(me, odsCode)} />
      {canManage && (
        <InviteForm
          odsCode={odsCode}
          onDone={(message) => {
            setFailure(null);
            setDone(message);
          }}
        />
      )}
    </>
  );
}
