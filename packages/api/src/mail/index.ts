export { createMailTransport, type MailLogger, type MailTransport } from "./transport.js";
export { type MailWorker, type MailWorkerOptions, retryDelayMs, startMailWorker } from "./worker.js";
export { longDate, returnAcceptedMail, returnReminderMail, returnSentBackMail } from "./messages.js";
