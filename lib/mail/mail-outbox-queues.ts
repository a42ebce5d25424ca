import { z } from "zod";

/** One job per delivery attempt of one outbox mail. */
export const deliverMailQueue = "mail-outbox-deliver";
/** Every minute: jobs for pending mail that is due (a retry, or a mail whose job was lost). */
export const sweepMailQueue = "mail-outbox-sweep";

export const deliverMailJob = z.object({ outboxId: z.uuid() });
export type DeliverMailJob = z.infer<typeof deliverMailJob>;
