import { createServer } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { envelopeTo: string[]; from: string; subject: string; text: string; html: string };

export type SmtpCatcher = {
  /** `smtp://127.0.0.1:<port>`, for `smtpMailer`. */
  url: string;
  /** Every message accepted so far, in the order received. */
  messages: ReceivedMail[];
  /** While set, every recipient is refused with this 550 reply (as a server refuses an unknown mailbox). */
  refuseRecipients: string | undefined;
  /** Holds each message this long before accepting it, to widen races between senders. */
  acceptDelayMs: number;
  close: () => Promise<void>;
};

/** A real SMTP server on a free local port that keeps what it receives in memory. */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const catcher: Omit<SmtpCatcher, "url" | "close"> = { messages: [], refuseRecipients: undefined, acceptDelayMs: 0 };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!catcher.refuseRecipients) return callback();
      callback(Object.assign(new Error(catcher.refuseRecipients), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (catcher.acceptDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, catcher.acceptDelayMs));
          catcher.messages.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: mail.from?.text ?? "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("The SMTP catcher has no port");
  return Object.assign(catcher, {
    url: `smtp://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** An SMTP URL nothing listens on: connecting is refused, as when the mail server is down. */
export async function unreachableSmtpUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("No free port");
  return `smtp://127.0.0.1:${address.port}`;
}
