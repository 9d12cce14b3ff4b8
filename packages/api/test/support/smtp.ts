import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** A real SMTP server on a free loopback port, keeping what it receives; `failNext` refuses messages. */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuse > 0) {
          refuse -= 1;
          return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 451 }));
        }
        // Decoded as a mail client would (quoted-printable, headers), so tests read what a person reads.
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A client that drops its connection (a mail worker stopped mid-send, a closing test) makes the server
  // emit "error"; unheard, Node would throw it out of the test run after every test has passed.
  const connectionErrors: Error[] = [];
  server.on("error", (error) => connectionErrors.push(error));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Errors of dropped connections, kept for a test that wants to look. */
    connectionErrors,
    /** Refuse the next n messages with a temporary failure. */
    failNext(n: number) {
      refuse = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
