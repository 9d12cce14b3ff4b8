import nodemailer from "nodemailer";

/** Where messages go: an SMTP server, or the log when none is configured (development, demo). */
export interface MailTransport {
  readonly kind: "smtp" | "log";
  send(message: { from: string; to: string[]; subject: string; text: string }): Promise<void>;
  close(): void;
}

export interface MailLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

/**
 * `SMTP_URL` (e.g. `smtp://user:pass@host:587`, or `smtps://…` for implicit TLS) selects SMTP through
 * nodemailer. Without it, each message is written to the log in full, so nothing is lost silently.
 */
export function createMailTransport(smtpUrl: string | undefined, logger: MailLogger): MailTransport {
  if (!smtpUrl) {
    return {
      kind: "log",
      async send(message) {
        logger.info({ mail: message }, "mail (no SMTP_URL set: written to the log instead of sent)");
      },
      close() {},
    };
  }
  // A mail server that hangs must not hold the worker for long: bounded connection and socket time.
  const transporter = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail(message);
    },
    close() {
      transporter.close();
    },
  };
}
