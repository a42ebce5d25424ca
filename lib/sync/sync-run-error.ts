/** A sync request the product refuses; its message is shown to the admin as it is. */
export class SyncRunError extends Error {}
