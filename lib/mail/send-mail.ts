import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html?: string };

const globalForMail = globalThis as unknown as { rollcallMailer?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (globalForMail.rollcallMailer?.url !== url) {
    globalForMail.rollcallMailer = { url, transport: createTransport(url) };
  }
  return globalForMail.rollcallMailer.transport;
}

/** Whether mail goes out over SMTP; without SMTP_URL callers fall back to printing what they would send. */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export async function sendMail(mail: Mail): Promise<void> {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not configured");
  const result = await transport(url).sendMail({ from: env().MAIL_FROM, ...mail });
  const failed = [...result.rejected, ...(result.pending ?? [])];
  if (failed.length > 0) throw new Error(`Mail to ${failed.join(", ")} was not accepted`);
}
