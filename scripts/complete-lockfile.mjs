// The npm registry reachable here lacks some platform-specific optional packages (e.g.
// @next/swc-darwin-arm64). npm then leaves them out of package-lock.json, and `npm ci` refuses the
// lock. This records each as an optional entry restricted to the platform its name says, so
// `npm ci` skips it on Linux and fetches it where it applies. Run after changing dependencies.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const lockPath = path.resolve(import.meta.dirname, "..", "package-lock.json");
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const oses = ["darwin", "win32", "linux", "android", "freebsd", "openharmony", "wasi"];
const cpus = ["arm64", "x64", "arm", "ia32", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];
let added = 0;

for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ""}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.find((p) => oses.includes(p));
    const cpu = parts.find((p) => cpus.includes(p));
    if (!os && !cpu) continue;
    lock.packages[`node_modules/${name}`] = {
      version,
      optional: true,
      ...(entry.dev ? { dev: true } : {}),
      ...(os && os !== "wasi" ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added++;
  }
}
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: recorded ${added} platform-specific optional packages`);
