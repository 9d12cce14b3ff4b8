export { startRealise, type BootOptions, type Running } from "./boot.js";
export { createApp, type AppOptions } from "./app.js";
export { classifyFailure, isDatabaseDown } from "./errors.js";
export { isTrustedWrite } from "./guard.js";
export { SECURITY_HEADERS } from "./headers.js";
export { createLogger, type Logger } from "./logger.js";
