// The production server that `npm start` runs once the build is current: Next for the console and
// its APIs, and SCIM requests straight to Rollcall's handler once start-up is done, without Next's
// per-request routing work (lib/scim/http/serve-scim-from-node.ts; README, "Speed").
import { createServer } from "node:http";
import { root } from "./ensure-build.mjs";

process.env.NODE_ENV = "production";
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;

// Imported after NODE_ENV is set: Next reads it when it loads.
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port, hostname: host ?? "localhost" });
const handleWithNext = app.getRequestHandler();
await app.prepare();

const scimKey = Symbol.for("rollcall.scim.serveFromNode");
const server = createServer((req, res) => {
  const scim = globalThis[scimKey];
  const params = scim?.match(req.method, req.url);
  if (!params) return void handleWithNext(req, res);
  scim.serve(req, res, params).catch((error) => {
    console.error("A SCIM request failed outside its handler", error);
    res.destroy();
  });
});
server.on("error", (error) => {
  console.error(`\nRollcall could not listen on port ${port}: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, host);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
