import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import {
  appPort,
  appUrl,
  mailboxPort,
  oidcClientId,
  oidcClientSecret,
  oidcIssuer,
  oidcName,
  oidcPort,
  ownerPassword,
  smtpPort,
} from "./e2e/fixtures/env";

// End-to-end tests of the production build (`next build` must have run: `npm test` builds when
// needed) in Debian's Chromium. `npx playwright test` runs them on embedded PGlite in a fresh data
// directory; with E2E_DATABASE_URL set (a fresh, empty database the caller created and drops) the
// same suite runs on real PostgreSQL. Never `npx playwright install`: /usr/bin/chromium is used.
const root = __dirname;
const outputDir = path.resolve(root, process.env.PLAYWRIGHT_OUTPUT_DIR ?? "test-results/e2e");
// Next to the output directory (which Playwright empties), not inside it. Deleted before each start.
const dataDir = `${outputDir}-data`;
const serverLog = `${outputDir}-server.log`;
const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

export default defineConfig({
  testDir: "e2e",
  outputDir,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: appUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      name: "peers",
      command: "node e2e/local-peers.mjs",
      cwd: root,
      port: mailboxPort,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: {
        E2E_SMTP_PORT: String(smtpPort),
        E2E_MAILBOX_PORT: String(mailboxPort),
        E2E_OIDC_PORT: String(oidcPort),
        E2E_OIDC_CLIENT_ID: oidcClientId,
        E2E_OIDC_CLIENT_SECRET: oidcClientSecret,
        E2E_OIDC_REDIRECT_URI: `${appUrl}/api/auth/callback/oidc`,
      },
    },
    {
      name: "app",
      // The server's own log (pino, on stdout) goes to a file beside the test output; start-up
      // failures (stderr) still show in the test run.
      command: `rm -rf ${quote(dataDir)} && mkdir -p ${quote(path.dirname(serverLog))} && exec node scripts/serve.mjs > ${quote(serverLog)}`,
      cwd: root,
      url: `${appUrl}/api/auth/providers`,
      reuseExistingServer: false,
      timeout: 120_000,
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        NODE_ENV: "production",
        // Empty means "not set" to lib/env.ts: PGlite in dataDir unless E2E_DATABASE_URL is given.
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        ROLLCALL_DATA_DIR: dataDir,
        APP_URL: appUrl,
        PORT: String(appPort),
        AUTH_SECRET: "",
        ROLLCALL_SEED_DEMO: "true",
        ROLLCALL_OWNER_EMAIL: "owner@acme.test",
        ROLLCALL_OWNER_PASSWORD: ownerPassword,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        OIDC_ISSUER: oidcIssuer,
        OIDC_CLIENT_ID: oidcClientId,
        OIDC_CLIENT_SECRET: oidcClientSecret,
        OIDC_NAME: oidcName,
        LOG_LEVEL: "info",
      },
    },
  ],
});
