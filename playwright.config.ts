import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/browser.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
// A stand-in model (e2e/fake-ai-server.mjs), so AI assist is on as it would be with a provider.
const aiPort = port + 1;
const baseURL = `http://127.0.0.1:${port}`;
// Every run starts from a fresh embedded database with the demo data.
const dataDir = process.env.E2E_DATA_DIR ?? `.data/e2e-${Date.now()}`;
const executablePath = findChromium();

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } },
    },
  ],
  webServer: [
    {
      command: `node e2e/fake-ai-server.mjs ${aiPort}`,
      url: `http://127.0.0.1:${aiPort}/`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // A production build: what users run (the README's command), and pages do not compile on first visit.
      command: `npm run build && npm start -- -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/api/health/ready`,
      // A production build first: minutes on a busy 2-core machine.
      timeout: 600_000,
      reuseExistingServer: false,
      // Warnings and errors only (LOG_LEVEL below): a failed test comes with what the server said.
      stdout: "pipe",
      stderr: "pipe",
      env: {
        NEXT_DIST_DIR: ".next-e2e",
        NEXT_TELEMETRY_DISABLED: "1",
        PGLITE_DATA_DIR: dataDir,
        DATABASE_URL: "",
        SEED_DEMO: "true",
        APP_ENV: "test",
        NEXTAUTH_URL: baseURL,
        LOG_LEVEL: "warn",
        AI_BASE_URL: `http://127.0.0.1:${aiPort}/v1`,
        AI_MODEL: "fake-model",
      },
    },
  ],
});
