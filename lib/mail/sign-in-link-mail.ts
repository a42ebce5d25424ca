import { escapeHtml } from "./escape-html";
import type { Mail } from "./send-mail";

export function signInLinkMail(to: string, url: string): Mail {
  return {
    to,
    subject: "Your Rollcall sign-in link",
    text: `Sign in to Rollcall:\n\n${url}\n\nThe link works once and expires in 15 minutes. If you did not ask for it, ignore this email.\n`,
    html: `<p>Sign in to Rollcall:</p><p><a href="${escapeHtml(url)}">Sign in</a></p><p style="color:#666">The link works once and expires in 15 minutes. If you did not ask for it, ignore this email.</p>`,
  };
}
