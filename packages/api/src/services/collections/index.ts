// The collections use cases: the national team opens quarters for returns.
export { collectionsWithPhase } from "./list-collections.js";
export { openCollection } from "./open-collection.js";
export { queueReturnReminders, REMINDER_DAYS_BEFORE } from "./send-reminders.js";
export { collectionTrustStates } from "./trust-states.js";
