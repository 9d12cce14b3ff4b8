// The frameworks use cases, one transaction each.
export { createFrameworkDraft } from "./create-draft.js";
export type { FrameworkVersionDetail } from "./detail-of.js";
export { discardFrameworkDraft } from "./discard-draft.js";
export { frameworkDraftEffect } from "./draft-effect.js";
export { editFrameworkDraft } from "./edit-draft.js";
export { listFrameworkVersions } from "./list-versions.js";
export { type PublishResult, publishFrameworkDraft } from "./publish-draft.js";
export { retireFrameworkVersion } from "./retire-version.js";
export { frameworkVersionDetail } from "./version-detail.js";
export { frameworkVersionsDiff } from "./versions-diff.js";
