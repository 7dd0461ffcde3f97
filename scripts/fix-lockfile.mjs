// Restores lock entries for other platforms' native builds (optional dependencies such as
// @next/swc-darwin-arm64). A registry that carries only some platforms' builds makes `npm install`
// leave the rest out of package-lock.json, and `npm ci` then refuses the lock everywhere. Each
// restored entry names its os/cpu, so npm installs it only on a matching machine.
//   node scripts/fix-lockfile.mjs        (after any `npm install` that changed the lock)
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const packages = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openharmony", "wasm32"];
const CPU = { arm64: "arm64", x64: "x64", ia32: "ia32", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x", arm: "arm", wasm32: "wasm32" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpuToken = parts.find((p) => p in CPU && p !== os) ?? (os === "wasm32" ? "wasm32" : undefined);
  if (!os || !cpuToken) return undefined;
  const entry = os === "wasm32" ? { cpu: ["wasm32"] } : { os: [os], cpu: [CPU[cpuToken]] };
  if (parts.includes("musl") || parts.includes("musleabihf")) entry.libc = ["musl"];
  else if (parts.includes("gnu") || parts.includes("gnueabihf")) entry.libc = ["glibc"];
  return entry;
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const parentDir = path === "" ? "" : `${path}/`;
    const nested = `${parentDir}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    packages[hoisted] = { version, ...platform, optional: true };
    added++;
  }
}

// Keep the file's key order stable: root first, then alphabetical.
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`restored ${added} platform-specific lock entries`);
