// The real peers the end-to-end tests talk to, in one quiet Node process (started by
// playwright.config.ts' webServer; stops on SIGTERM or SIGINT):
//   - an SMTP catcher (smtp-server + mailparser) that keeps every message in memory,
//   - a mailbox HTTP endpoint over it for the tests:
//       GET    /messages?to=<address>   received messages for that address (all without ?to), newest first
//       DELETE /messages[?to=<address>] forget them
//   - an OpenID Connect issuer (oidc-provider) with one static client and its dev-only login and
//     consent pages: whatever login is typed in is the account, and its email.
// Ports and the client come from the environment (playwright.config.ts passes them), with defaults
// matching e2e/fixtures/env.ts so it can also be run by hand: `node e2e/local-peers.mjs`.
import http from "node:http";

const config = {
  host: "127.0.0.1",
  smtpPort: Number(process.env.E2E_SMTP_PORT ?? 2525),
  mailboxPort: Number(process.env.E2E_MAILBOX_PORT ?? 2526),
  oidcPort: Number(process.env.E2E_OIDC_PORT ?? 9400),
  oidcClientId: process.env.E2E_OIDC_CLIENT_ID ?? "rollcall-e2e",
  oidcClientSecret: process.env.E2E_OIDC_CLIENT_SECRET ?? "rollcall-e2e-oidc-client-secret-0123456789",
  oidcRedirectUri: process.env.E2E_OIDC_REDIRECT_URI ?? "http://localhost:3100/api/auth/callback/oidc",
};

// oidc-provider announces its dev-only features (and, on Node 20, the runtime) through
// console.warn/info, some at import time. Those are expected here: drop them, keep everything else.
for (const method of ["warn", "info"]) {
  const original = console[method].bind(console);
  console[method] = (...args) => {
    if (typeof args[0] === "string" && args[0].startsWith("oidc-provider ")) return;
    original(...args);
  };
}

const [{ SMTPServer }, { simpleParser }, { default: Provider }] = await Promise.all([
  import("smtp-server"),
  import("mailparser"),
  import("oidc-provider"),
]);

// --- SMTP catcher and mailbox -------------------------------------------------------------------

/** @type {{ id: number; receivedAt: string; from: string; to: string[]; subject: string; text: string; html: string }[]} */
let messages = [];
let nextId = 1;

function addresses(field) {
  const list = field ? (Array.isArray(field) ? field : [field]) : [];
  return list.flatMap((group) => group.value.map((a) => a.address?.toLowerCase() ?? "")).filter(Boolean);
}

const smtp = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        messages.push({
          id: nextId++,
          receivedAt: new Date().toISOString(),
          from: mail.from?.text ?? "",
          to: [...new Set([...envelopeTo, ...addresses(mail.to)])],
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
        });
        callback();
      })
      .catch((error) => callback(error));
  },
});
smtp.on("error", (error) => console.error("local-peers smtp:", error.message));

const mailbox = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://${config.host}`);
  const to = url.searchParams.get("to")?.toLowerCase();
  const forRecipient = (m) => !to || m.to.includes(to);
  const send = (status, body) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (url.pathname !== "/messages") return send(404, { error: "not found" });
  if (req.method === "GET") return send(200, messages.filter(forRecipient).reverse());
  if (req.method === "DELETE") {
    const before = messages.length;
    messages = messages.filter((m) => !forRecipient(m));
    return send(200, { deleted: before - messages.length });
  }
  return send(405, { error: "method not allowed" });
});

// --- OpenID Connect issuer ----------------------------------------------------------------------

const issuer = `http://${config.host}:${config.oidcPort}`;

/** "marcus.chen@acme.test" → "Marcus Chen". */
function nameFromEmail(email) {
  return email
    .split("@")[0]
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(" ");
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: config.oidcClientId,
      client_secret: config.oidcClientSecret,
      redirect_uris: [config.oidcRedirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  async findAccount(_ctx, id) {
    const email = id.trim().toLowerCase();
    return {
      accountId: id,
      async claims() {
        return { sub: email, email, email_verified: true, name: nameFromEmail(email) };
      },
    };
  },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Auth.js reads an OIDC profile from the ID token, so scope claims must be in it, not only in userinfo.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["rollcall-e2e-local-peers-cookie-key"] },
});
provider.on("server_error", (_ctx, error) => console.error("local-peers oidc:", error));

const oidc = http.createServer(provider.callback());

// --- start and stop -----------------------------------------------------------------------------

function listen(server, port, label) {
  return new Promise((resolve, reject) => {
    server.once("error", (error) => reject(new Error(`${label} could not listen on ${config.host}:${port}: ${error.message}`)));
    server.listen(port, config.host, resolve);
  });
}

function closeServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => process.exit(code), 3000);
  timer.unref();
  await Promise.allSettled([closeServer(mailbox), closeServer(oidc), new Promise((resolve) => smtp.close(resolve))]);
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

try {
  // The mailbox is what Playwright waits on, so it starts last: when it answers, everything is up.
  await listen(smtp.server, config.smtpPort, "SMTP");
  await listen(oidc, config.oidcPort, "OIDC issuer");
  await listen(mailbox, config.mailboxPort, "Mailbox");
} catch (error) {
  console.error(`local-peers: ${error.message}`);
  await stop(1);
}
