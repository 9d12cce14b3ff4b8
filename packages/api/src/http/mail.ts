import type { Database } from "@realise/db";
import { createMailTransport, startMailWorker } from "../mail/index.js";
import { queueReturnReminders } from "../services/collections/index.js";
import type { Logger } from "./logger.js";

/** How often the server looks for reminders to queue (they are queued once each, so this is cheap). */
const REMINDER_CHECK_MS = 60 * 60_000;

/**
 * The server's mail: the outbox sender (SMTP when `SMTP_URL` is set, else the log) and an hourly check
 * for "due in 7 days" and "overdue" reminders. Neither ever blocks a request: decisions only write to
 * the outbox, in their own transaction.
 */
export function startMail(options: { database: Database; logger: Logger; appUrl: string }) {
  const logger = options.logger.child({ component: "mail" });
  const transport = createMailTransport(process.env.SMTP_URL, logger);
  const worker = startMailWorker({
    database: options.database,
    transport,
    from: process.env.MAIL_FROM ?? "Realise <no-reply@realise.invalid>",
    logger,
    intervalMs: 5_000,
  });
  const remind = async () => {
    try {
      const queued = await queueReturnReminders(options.database.db, options.appUrl);
      if (queued > 0) {
        logger.info({ queued }, "return reminders queued");
        worker.nudge();
      }
    } catch (error) {
      logger.warn({ err: error }, "return reminders not queued; will try again");
    }
  };
  const timer = setInterval(() => void remind(), REMINDER_CHECK_MS);
  timer.unref();
  // After start-up has settled, not during it.
  const first = setTimeout(() => void remind(), 10_000);
  first.unref();
  return {
    transport: transport.kind,
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await worker.stop();
    },
  };
}
