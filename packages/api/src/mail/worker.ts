import { leaseDueMail, type Database, markMailFailed, markMailSent } from "@realise/db";
import type { MailLogger, MailTransport } from "./transport.js";

export interface MailWorkerOptions {
  database: Database;
  transport: MailTransport;
  /** The From address (`MAIL_FROM`). */
  from: string;
  logger: MailLogger;
  /** How often the outbox is checked when nothing nudges it (ms). */
  intervalMs?: number;
  /** After this many failed attempts a message is left for the national team to see, not retried. */
  maxAttempts?: number;
}

export interface MailWorker {
  /** Check the outbox now (after a change that queued mail). */
  nudge(): void;
  /** Send everything due, then resolve (tests, shutdown). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** Seconds before the next attempt: 5 s, 10 s, 20 s … capped at an hour. */
export const retryDelayMs = (attempts: number) => Math.min(3_600_000, 5_000 * 2 ** attempts);

/**
 * Sends the outbox in the background. Each message is claimed in a short transaction, sent, and marked
 * sent or failed; a failure schedules a retry and is logged. The action that queued a message never waits
 * for this, and a mail server being down never fails it.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const { database, transport, from, logger } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function sendDue(): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = await leaseDueMail(database.db, 10, 5 * 60_000, maxAttempts);
      let failed = 0;
      for (const mail of due) {
        try {
          await transport.send({ from, to: mail.recipients, subject: mail.subject, text: mail.body });
          await markMailSent(database.db, mail.id);
          sent += 1;
          logger.info({ mailId: mail.id, kind: mail.kind, recipients: mail.recipients.length }, "mail sent");
        } catch (error) {
          failed += 1;
          const message = error instanceof Error ? error.message : String(error);
          await markMailFailed(
            database.db,
            mail.id,
            message,
            new Date(Date.now() + retryDelayMs(mail.attempts)),
          );
          logger.warn(
            { mailId: mail.id, kind: mail.kind, attempt: mail.attempts + 1, error: message },
            "mail failed; will retry",
          );
        }
      }
      // Stop when nothing was due, or when everything due failed (each waits for its retry time).
      if (due.length === 0 || failed === due.length) return sent;
    }
  }

  function run(): Promise<number> {
    if (running) return running;
    running = sendDue()
      .catch((error) => {
        // The database away is not the mail's fault: the next tick tries again.
        logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          "mail outbox unreadable",
        );
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => {
    if (!stopped) void run();
  }, options.intervalMs ?? 15_000);
  timer.unref();

  return {
    nudge() {
      if (!stopped) void run();
    },
    async drain() {
      if (running) await running;
      return run();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
      transport.close();
    },
  };
}
