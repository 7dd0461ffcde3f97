// Runs in the browser before any of the app's code. Zod probes whether it may compile validators
// with `new Function`; under the app's Content-Security-Policy (no 'unsafe-eval', src/proxy.ts)
// the probe fails as intended but is reported as a violation on every page. Validators run
// interpreted in the browser instead, which is all forms need.
import { config } from "zod";

config({ jitless: true });
