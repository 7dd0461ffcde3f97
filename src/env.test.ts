// The env module validates once at import and stops the process with the variable's name. Each
// case imports it in a child process with a controlled environment (this process's env is
// already validated and cached), and a passing control shows the failures are about the one
// variable under test.
import { execFile, type ExecFileException } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const ENV_MODULE = pathToFileURL(join(process.cwd(), "src", "env.ts")).href;
const DEPLOYED = {
  APP_ENV: "production",
  NEXTAUTH_SECRET: "a-production-secret-of-at-least-32-characters",
  CRON_SECRET: "a-cron-secret-16+",
  ENCRYPTION_KEYS: "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  AUDIT_HMAC_KEYS: "a1:ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=",
  SMTP_URL: "smtp://mail.internal:587",
};

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function importEnv(vars: Record<string, string>): Promise<Outcome> {
  const script = `const { env } = await import(${JSON.stringify(ENV_MODULE)});
process.stdout.write(JSON.stringify({ APP_ENV: env.APP_ENV, DATABASE_URL: env.DATABASE_URL ?? null, NEXTAUTH_SECRET: env.NEXTAUTH_SECRET, JOBS_IN_PROCESS: env.JOBS_IN_PROCESS }));`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      // Only what the case names: nothing inherited from this shell or from the test runner.
      {
        cwd: process.cwd(),
        // NODE_ENV stays unset (Next's types demand it), so APP_ENV alone decides.
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...vars } as unknown as NodeJS.ProcessEnv,
        encoding: "utf8",
        // Five of these start at once, each compiling the module: generous for a loaded CI machine.
        timeout: 90_000,
      },
      (error: ExecFileException | null, stdout: string, stderr: string) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("env validation", () => {
  it("production needs NEXTAUTH_SECRET; malformed DATABASE_URL is refused by name; valid settings pass", async () => {
    const withoutSecret: Record<string, string> = { ...DEPLOYED };
    delete withoutSecret.NEXTAUTH_SECRET;
    const [missingSecret, badUrl, wrongScheme, deployed, development] = await Promise.all([
      importEnv(withoutSecret),
      importEnv({ ...DEPLOYED, DATABASE_URL: "not a url" }),
      importEnv({ ...DEPLOYED, DATABASE_URL: "mysql://db.internal:3306/caseboard" }),
      importEnv({ ...DEPLOYED, DATABASE_URL: "postgresql://caseboard@db.internal:5432/caseboard" }),
      importEnv({ APP_ENV: "development" }),
    ]);

    expect(missingSecret.code, missingSecret.stderr).not.toBe(0);
    expect(missingSecret.stderr).toContain("Invalid environment variables");
    expect(missingSecret.stderr).toContain("NEXTAUTH_SECRET is required when APP_ENV=production");
    expect(missingSecret.stderr).not.toMatch(/CRON_SECRET|ENCRYPTION_KEYS/);

    for (const outcome of [badUrl, wrongScheme]) {
      expect(outcome.code, outcome.stderr).not.toBe(0);
      expect(outcome.stderr).toContain("Invalid environment variables");
      expect(outcome.stderr).toContain("DATABASE_URL");
      expect(outcome.stderr).not.toContain("NEXTAUTH_SECRET");
    }

    expect(deployed.code, deployed.stderr).toBe(0);
    expect(JSON.parse(deployed.stdout)).toEqual({
      APP_ENV: "production",
      DATABASE_URL: "postgresql://caseboard@db.internal:5432/caseboard",
      NEXTAUTH_SECRET: DEPLOYED.NEXTAUTH_SECRET,
      // Jobs run in the app process on any database unless a deployment turns it off.
      JOBS_IN_PROCESS: true,
    });

    // Development runs with no configuration at all, on built-in defaults.
    expect(development.code, development.stderr).toBe(0);
    expect(JSON.parse(development.stdout)).toMatchObject({ APP_ENV: "development", DATABASE_URL: null, NEXTAUTH_SECRET: expect.any(String) });
  }, 120_000);

  it("deployed, refuses to start without SMTP_URL (links are only mailed) or AUDIT_HMAC_KEYS, naming each", async () => {
    const without = (name: keyof typeof DEPLOYED, appEnv = "production") => {
      const vars: Record<string, string> = { ...DEPLOYED, APP_ENV: appEnv };
      delete vars[name];
      return importEnv(vars);
    };
    const [noSmtp, noSmtpStaging, noAuditKeys, badAuditKeys, development, dedicatedWorkers] = await Promise.all([
      without("SMTP_URL"),
      without("SMTP_URL", "staging"),
      without("AUDIT_HMAC_KEYS"),
      importEnv({ ...DEPLOYED, AUDIT_HMAC_KEYS: "a1:too-short" }),
      importEnv({ APP_ENV: "development" }),
      importEnv({ ...DEPLOYED, JOBS_IN_PROCESS: "false" }),
    ]);
    expect(JSON.parse(dedicatedWorkers.stdout)).toMatchObject({ JOBS_IN_PROCESS: false });
    expect(noSmtp.code).not.toBe(0);
    expect(noSmtp.stderr).toContain("SMTP_URL is required when APP_ENV=production");
    expect(noSmtpStaging.stderr).toContain("SMTP_URL is required when APP_ENV=staging");
    expect(noAuditKeys.code).not.toBe(0);
    expect(noAuditKeys.stderr).toContain("AUDIT_HMAC_KEYS is required when APP_ENV=production");
    expect(noAuditKeys.stderr).not.toContain("SMTP_URL");
    expect(badAuditKeys.stderr).toContain("AUDIT_HMAC_KEYS");
    // Development needs neither: a built-in throwaway audit key, and no mail sent.
    expect(development.code, development.stderr).toBe(0);
  }, 120_000);
});
