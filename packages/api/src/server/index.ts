export { startRealise, type BootOptions, type Running } from "./boot.js";
export { createRequestListener, isDatabaseDown, isTrustedWrite } from "./app.js";
export { SECURITY_HEADERS } from "./headers.js";
