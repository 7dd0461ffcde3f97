// Runs in the browser before any of the app's code. Zod probes whether it may compile validators
// with `new Function`; under the app's Content-Security-Policy (no 'unsafe-eval', src/proxy.ts)
// the probe fails as intended but is reported as a violation on every page. Validators run
// interpreted in the browser instead, which is all forms need.
// Zod keeps its settings on this global object and adopts one that exists when it first loads
// (zod/v4/core: `globalConfig`), so setting it here spares every page, the sign-in page among
// them, from loading zod's core just to call `config()`. e2e/content-security.spec.ts checks it.
const zodSettings = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
zodSettings.__zod_globalConfig = { ...zodSettings.__zod_globalConfig, jitless: true };
