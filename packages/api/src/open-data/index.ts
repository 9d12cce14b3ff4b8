export { DEFAULT_SUPPRESS_BELOW, type OpenDataOptions, openDataRoutes } from "./handler.js";
export { openApiDocument } from "./openapi.js";
