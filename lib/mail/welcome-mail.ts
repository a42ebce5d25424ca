import { escapeHtml } from "./escape-html";
import type { Mail } from "./send-mail";

export type WelcomeMailInput = {
  to: string;
  /** How to greet the person: their display name, else their userName. */
  name: string;
  workspaceName: string;
  /** Where to sign in: `${appUrl}/login`. */
  loginUrl: string;
};

/** Sent when a directory provisions a member, if the directory's "Welcome email" setting is on. */
export function welcomeMail({ to, name, workspaceName, loginUrl }: WelcomeMailInput): Mail {
  return {
    to,
    subject: `Welcome to ${workspaceName} on Rollcall`,
    text:
      `Hello ${name},\n\n` +
      `Your organization has given you access to ${workspaceName} on Rollcall.\n\n` +
      `Sign in with ${to}:\n${loginUrl}\n\n` +
      `If you did not expect this email, you can ignore it.\n`,
    html:
      `<p>Hello ${escapeHtml(name)},</p>` +
      `<p>Your organization has given you access to <strong>${escapeHtml(workspaceName)}</strong> on Rollcall.</p>` +
      `<p><a href="${escapeHtml(loginUrl)}">Sign in</a> with ${escapeHtml(to)}.</p>` +
      `<p style="color:#666">If you did not expect this email, you can ignore it.</p>`,
  };
}
