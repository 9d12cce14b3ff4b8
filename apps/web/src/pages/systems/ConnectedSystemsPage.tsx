import type { RouterOutputs } from "@realise/api";
import { SystemClientsCreateInput } from "@realise/api/contracts";
import { Empty, FormErrorSummary, formatDate, Loading, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BackLink, Button, InsetText, Table, Tag, TextInput, WarningCallout } from "nhsuk-react-components";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Problem } from "../../components/Problem";
import { canSubmit, useMe } from "../../session";

type Client = RouterOutputs["systemClients"]["list"][number];
type Created = RouterOutputs["systemClients"]["create"];

// contract: systemClients.create (the name field of its input)
const RegisterSchema = SystemClientsCreateInput.pick({ name: true });

function statusOf(client: Client) {
  if (client.revokedAt) return <Tag modifier="grey">Revoked</Tag>;
  if (client.pausedAt) return <Tag modifier="orange">Paused</Tag>;
  return <Tag modifier="green">Active</Tag>;
}

/** The new client's id and secret, shown this once. */
function NewSecret({ created, onDone }: { created: Created; onDone: () => void }) {
  return (
    <WarningCallout>
      <WarningCallout.Heading>Copy the secret for {created.name} now</WarningCallout.Heading>
      <p>
        This is the only time the secret is shown: Realise keeps only a scrambled copy. Copy both values into
        your EPR's connection settings (select the text, then copy). If you lose the secret, revoke this
        system and register a new one.
      </p>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Client id</dt>
          <dd className="nhsuk-summary-list__value">
            <code data-testid="client-id">{created.clientId}</code>
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Client secret</dt>
          <dd className="nhsuk-summary-list__value">
            <code data-testid="client-secret">{created.clientSecret}</code>
          </dd>
        </div>
      </dl>
      <Button type="button" secondary onClick={onDone}>
        I have copied the secret
      </Button>
    </WarningCallout>
  );
}

/** Register a system: its name only; the server returns the id and the secret. */
function RegisterForm({ odsCode, onCreated }: { odsCode: string; onCreated: (c: Created) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm({ schema: RegisterSchema, defaultValues: { name: "" } });
  const create = useMutation(
    trpc.systemClients.create.mutationOptions({
      onSuccess: async (created) => {
        form.form.reset({ name: "" });
        onCreated(created);
        await queryClient.invalidateQueries(trpc.systemClients.list.queryFilter({ odsCode }));
      },
      onError: form.failed,
    }),
  );
  return (
    <section aria-labelledby="h-register">
      <h2 id="h-register">Register a system</h2>
      <FormErrorSummary {...form.summary} />
      <form
        noValidate
        aria-label="Register a system"
        onSubmit={form.onSubmit(({ name }) => create.mutate({ odsCode, name }))}
      >
        <TextInput
          {...form.field("name")}
          label="Name of the system"
          hint="What your staff call it, for example EPR nightly feed"
        />
        <Button type="submit" disabled={create.isPending}>
          Register the system
        </Button>
      </form>
    </section>
  );
}

/** Pause, resume and revoke buttons for one client (the approver only). */
function Controls({ odsCode, client }: { odsCode: string; client: Client }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const options = {
    onSuccess: async () => {
      setProblem(null);
      await queryClient.invalidateQueries(trpc.systemClients.list.queryFilter({ odsCode }));
    },
    onError: (error: { message: string }) => setProblem(error.message),
  };
  const pause = useMutation(trpc.systemClients.pause.mutationOptions(options));
  const resume = useMutation(trpc.systemClients.resume.mutationOptions(options));
  const revoke = useMutation(trpc.systemClients.revoke.mutationOptions(options));
  if (client.revokedAt) return null;
  const key = { odsCode, clientId: client.clientId };
  const busy = pause.isPending || resume.isPending || revoke.isPending;
  return (
    <>
      {client.pausedAt ? (
        <Button type="button" secondary disabled={busy} onClick={() => resume.mutate(key)}>
          Resume<span className="nhsuk-u-visually-hidden"> {client.name}</span>
        </Button>
      ) : (
        <Button type="button" secondary disabled={busy} onClick={() => pause.mutate(key)}>
          Pause<span className="nhsuk-u-visually-hidden"> {client.name}</span>
        </Button>
      )}{" "}
      <Button
        type="button"
        warning
        disabled={busy}
        onClick={() => {
          if (window.confirm(`Revoke ${client.name}? It will never be able to report again.`))
            revoke.mutate(key);
        }}
      >
        Revoke<span className="nhsuk-u-visually-hidden"> {client.name}</span>
      </Button>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** A trust's own systems that send their figures as FHIR MeasureReports: register, pause, resume, revoke. */
export default function ConnectedSystemsPage() {
  const odsCode = (useParams().odsCode ?? "").toUpperCase();
  const trpc = useTRPC();
  const me = useMe().data ?? null;
  const clients = useQuery(trpc.systemClients.list.queryOptions({ odsCode }));
  const [created, setCreated] = useState<Created | null>(null);
  const approver = canSubmit(me, odsCode);

  return (
    <>
      <BackLink asElement={Link} to={`/trusts/${odsCode}/dashboard`}>
        Back to the dashboard
      </BackLink>
      <h1>Connected systems</h1>
      <p>
        Your trust's own systems, such as your EPR, can send their figures here every night as FHIR
        MeasureReports, so nobody has to type them in. Their figures are shown as system-reported. The README
        section "Connect your EPR" explains how a system gets a token and sends a report.
      </p>
      {!approver && (
        <InsetText>Your trust's approver registers, pauses, resumes and revokes connected systems.</InsetText>
      )}
      {created && <NewSecret created={created} onDone={() => setCreated(null)} />}
      {approver && !created && <RegisterForm odsCode={odsCode} onCreated={setCreated} />}
      <h2>Systems</h2>
      {clients.isPending && <Loading what="the connected systems" />}
      {clients.error && <Problem error={clients.error} what="this trust's connected systems" />}
      {clients.data?.length === 0 && <Empty>No system is connected yet.</Empty>}
      {clients.data && clients.data.length > 0 && (
        <Table caption="Systems that send this trust's figures">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Name</Table.Cell>
              <Table.Cell>Client id</Table.Cell>
              <Table.Cell>Registered</Table.Cell>
              <Table.Cell>Status</Table.Cell>
              {approver && <Table.Cell>Actions</Table.Cell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {clients.data.map((client) => (
              <Table.Row key={client.clientId}>
                <Table.Cell>{client.name}</Table.Cell>
                <Table.Cell>
                  <code>{client.clientId}</code>
                </Table.Cell>
                <Table.Cell>{formatDate(new Date(client.createdAt))}</Table.Cell>
                <Table.Cell>{statusOf(client)}</Table.Cell>
                {approver && (
                  <Table.Cell>
                    <Controls odsCode={odsCode} client={client} />
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
