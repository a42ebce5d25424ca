// `npm start`: build the production app if needed, then serve it (scripts/serve.mjs). Migrations,
// the demo seed and the sign-in banner happen inside the server at boot (instrumentation.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild, root } from "./ensure-build.mjs";

ensureBuild();
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
