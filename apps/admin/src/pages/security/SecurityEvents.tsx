import { Empty, formatDateTime, LoadError, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Table, WarningCallout } from "nhsuk-react-components";
import { ChainStatus } from "../audit/ChainStatus";

const EVENT_LABELS: Record<string, string> = {
  "signin.throttled": "Sign-in slowed after failures",
  "signin.account_under_attack": "Account failed from several addresses",
};

/** Recent throttled sign-ins and accounts under attack, and the audit chain's last verification. */
export default function SecurityEvents() {
  const trpc = useTRPC();
  const events = useQuery(trpc.security.events.queryOptions({ limit: 200 }));
  return (
    <>
      <h1>Security</h1>
      <h2>Audit chain</h2>
      <ChainStatus />
      <h2>Sign-in attacks</h2>
      {events.isPending ? (
        <Loading what="security events" />
      ) : events.error ? (
        <LoadError error={events.error} />
      ) : (
        <>
          {events.data.underAttack.length > 0 && (
            <WarningCallout>
              <WarningCallout.Heading>Accounts under attack in the last day</WarningCallout.Heading>
              <ul>
                {events.data.underAttack.map((account) => (
                  <li key={account}>{account}</li>
                ))}
              </ul>
            </WarningCallout>
          )}
          {events.data.events.length === 0 ? (
            <Empty>No throttled sign-ins or attacks recorded.</Empty>
          ) : (
            <Table caption={`${events.data.events.length} most recent security events`} responsive>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>When</Table.Cell>
                  <Table.Cell>Event</Table.Cell>
                  <Table.Cell>Account</Table.Cell>
                  <Table.Cell>Address</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {events.data.events.map((e) => (
                  <Table.Row key={e.id}>
                    <Table.Cell>{formatDateTime(e.at)}</Table.Cell>
                    <Table.Cell>{EVENT_LABELS[e.event] ?? e.event}</Table.Cell>
                    <Table.Cell>{e.account ?? "—"}</Table.Cell>
                    <Table.Cell>{e.address ?? "—"}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </>
      )}
    </>
  );
}
