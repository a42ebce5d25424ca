import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html?: string };

/** Delivers one mail, or throws. */
export type Mailer = (mail: Mail) => Promise<void>;

const globalForMail = globalThis as unknown as { rollcallMailTransports?: Map<string, Transporter> };

/**
 * Short timeouts (nodemailer waits up to 10 minutes on a silent socket): an outbox attempt must end
 * well within its claim on the mail (claimSeconds in deliver-outbox-mail.ts), or another could send it again.
 */
function transport(url: string): Transporter {
  const transports = (globalForMail.rollcallMailTransports ??= new Map());
  let found = transports.get(url);
  if (!found) {
    found = createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
    transports.set(url, found);
  }
  return found;
}

/** Whether mail goes out over SMTP; without SMTP_URL callers fall back to printing what they would send. */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends through the SMTP server at `url`; a mail that any recipient refused counts as failed. */
export function smtpMailer(url: string): Mailer {
  return async (mail) => {
    const result = await transport(url).sendMail({ from: env().MAIL_FROM, ...mail });
    const failed = [...result.rejected, ...(result.pending ?? [])].map((a) => (typeof a === "string" ? a : a.address));
    if (failed.length > 0) throw new Error(`Mail to ${failed.join(", ")} was not accepted`);
  };
}

/** The mailer of SMTP_URL, or undefined when none is configured. */
export function configuredMailer(): Mailer | undefined {
  const url = env().SMTP_URL;
  return url ? smtpMailer(url) : undefined;
}

export async function sendMail(mail: Mail): Promise<void> {
  const mailer = configuredMailer();
  if (!mailer) throw new Error("SMTP_URL is not configured");
  await mailer(mail);
}
