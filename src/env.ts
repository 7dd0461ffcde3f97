// The one place configuration is read. Validated once at start: a bad or missing variable
// stops the app with a message naming it. next.config.mjs imports this file so a bad env
// also fails the build.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { parseCidrList } from "./server/security/cidr";

const appEnv = z.enum(["development", "test", "staging", "production"]);
const booleanish = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

/** `kid:base64(32 bytes)` pairs, comma-separated; the first key encrypts, all decrypt. */
const encryptionKeys = z.string().regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
  message: "expected kid:base64key[,kid:base64key…] with 32-byte keys",
});

// Defaults that make `npm run dev` and `npm test` work with no configuration. They are refused
// in staging and production, where each must be set.
const DEV_DEFAULTS = {
  NEXTAUTH_SECRET: "caseboard-development-secret-do-not-use-in-production",
  CRON_SECRET: "caseboard-development-cron-secret",
  ENCRYPTION_KEYS: "dev1:Y2FzZWJvYXJkLWRldmVsb3BtZW50LWtleS0zMmJ5dGU=",
  AUDIT_HMAC_KEYS: "dev1:Y2FzZWJvYXJkLWRldmVsb3BtZW50LWF1ZGl0LWtleSE=",
} as const;

export const env = createEnv({
  server: {
    // Where the app runs, independent of NODE_ENV (which `next build` always sets to production):
    // a local `npm run build && npm start` is still development. Deployments set APP_ENV.
    APP_ENV: appEnv.default(process.env.NODE_ENV === "test" ? "test" : "development"),
    DATABASE_URL: z.url().startsWith("postgres").optional(),
    PGLITE_DATA_DIR: z.string().default(".data/pglite"),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** New callers that may wait for a database connection; one more is refused at once (503 OVERLOADED). Default: 2 × DB_POOL_SIZE, at least 10. */
    DB_QUEUE_LIMIT: z.coerce.number().int().min(0).max(100_000).optional(),
    /** How long a caller waits for a database connection before a 503 OVERLOADED (default 1 s, well under the 5 s connect timeout). */
    DB_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).optional(),
    /** API requests an instance serves at once; one more is answered 503 OVERLOADED at once (src/server/http/load-shedding.ts). Default: the database's connections, at least 4; event streams do not count. */
    MAX_IN_FLIGHT_REQUESTS: z.coerce.number().int().min(1).max(100_000).optional(),
    /** Requests that may wait for a place when all are taken; one more is answered 503 OVERLOADED at once. Default: half the in-flight limit, at least 1. */
    MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).optional(),
    /** How long a request waits for a place before 503 OVERLOADED (ms; 0: no waiting). Default 25. */
    MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).optional(),
    /** Statements slower than this are logged (warn) with their SQL, tenant and duration; 0 turns the log off. */
    SLOW_QUERY_MS: z.coerce.number().int().min(0).default(500),
    DB_AUTO_MIGRATE: booleanish.optional(),
    SEED_DEMO: booleanish.optional(),
    REDIS_URL: z.url().startsWith("redis").optional(),
    NEXTAUTH_SECRET: z.string().min(32).optional(),
    /** The app's public URL; every absolute link it builds starts with it (else the request's own origin). */
    NEXTAUTH_URL: z.url().optional(),
    /** Reverse proxies whose X-Forwarded-For/-Host/-Proto are believed: CIDR ranges or addresses, comma-separated. */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .refine((v) => parseCidrList(v) !== null, { message: "expected CIDR ranges or IP addresses, comma-separated (10.0.0.0/8,::1)" }),
    CRON_SECRET: z.string().min(16).optional(),
    ENCRYPTION_KEYS: encryptionKeys.optional(),
    /** Keys of the audit log's HMAC chain, same format: the first signs, all verify. Never stored in the database. */
    AUDIT_HMAC_KEYS: encryptionKeys.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20_000),
    /** Run background jobs inside the app process (default: on). Off where dedicated workers run them. */
    JOBS_IN_PROCESS: booleanish.default(true),
    /** Requests per minute for each API key, signed-in user and anonymous IP (tRPC). */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** Failed sign-ins per account before a 15-minute lockout (per IP: ten times this). */
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    /** Delay after the second failed sign-in of an account, doubling with each further one (max 8 s). */
    SIGN_IN_DELAY_MS: z.coerce.number().int().min(0).max(8000).default(250),
    /** SMTP server for invitations and password resets (smtp://user:pass@host:587). Required when deployed; unset = nothing is sent (the admin sees invitation links). */
    SMTP_URL: z.url().startsWith("smtp").optional(),
    MAIL_FROM: z.string().default("Caseboard <no-reply@caseboard.local>"),
    /** Local file storage for uploads and exports (used unless S3_BUCKET is set). */
    STORAGE_DIR: z.string().default(".data/files"),
    /** S3-compatible storage (AWS S3, MinIO, R2): set the bucket to use it. */
    S3_BUCKET: z.string().optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** Largest CSV upload accepted, in bytes (default 50 MB). */
    IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
    /** Largest attachment any tenant may allow, in bytes (default 25 MB); each tenant sets its own limit below it. */
    ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
    /** Bytes of files chat visitors may have uploaded and not yet sent, per tenant (default 1 GiB): anyone on the internet can upload to a widget, so this bounds what they can make a tenant store. */
    WIDGET_UNSENT_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024 * 1024),
    /** A malware scanner for attachments: clamd's TCP address, e.g. tcp://127.0.0.1:3310. Unset: files are not scanned. */
    CLAMAV_URL: z.url().optional(),
    /** AI assist (src/server/ai): an OpenAI-compatible endpoint (OpenAI, Azure OpenAI, vLLM, llama.cpp, Ollama), e.g. https://api.openai.com/v1. Unset (and no Bedrock model) = every AI feature hidden. */
    AI_BASE_URL: z.url().optional(),
    AI_API_KEY: z.string().optional(),
    /** The model to ask, e.g. gpt-4o-mini; required with AI_BASE_URL. */
    AI_MODEL: z.string().min(1).optional(),
    /** AWS Bedrock instead: a model id (anthropic.claude-3-5-haiku-20241022-v1:0); credentials come from the usual AWS variables or role. */
    AI_BEDROCK_MODEL: z.string().min(1).optional(),
    AWS_REGION: z.string().default("us-east-1"),
    /** One model call's limit; a call past it is retried like a 5xx. */
    AI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    /** Days between an owner deleting a tenant and its data being purged. */
    TENANT_DELETION_GRACE_DAYS: z.coerce.number().int().min(0).default(7),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  createFinalSchema: (shape) =>
    z.object(shape).transform((values, ctx) => {
      const deployed = values.APP_ENV === "staging" || values.APP_ENV === "production";
      const out = { ...values } as typeof values;
      for (const name of Object.keys(DEV_DEFAULTS) as (keyof typeof DEV_DEFAULTS)[]) {
        if (out[name]) continue;
        if (deployed) {
          ctx.addIssue({ code: "custom", path: [name], message: `${name} is required when APP_ENV=${values.APP_ENV}` });
        } else {
          out[name] = DEV_DEFAULTS[name];
        }
      }
      // Links carry single-use tokens and are only ever mailed (never logged): a deployment without
      // SMTP could not deliver an invitation or a password reset at all.
      if (deployed && !values.SMTP_URL) {
        ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: `SMTP_URL is required when APP_ENV=${values.APP_ENV}: invitation and password-reset links are only sent by mail` });
      }
      if (values.AI_BASE_URL && !values.AI_MODEL) {
        ctx.addIssue({ code: "custom", path: ["AI_MODEL"], message: "AI_MODEL is required with AI_BASE_URL (the model to ask, e.g. gpt-4o-mini)" });
      }
      // Admission control (src/server/db/admission.ts). Tests fire bursts of hundreds of calls at one
      // in-process database and expect each served (the concurrency tests), so under APP_ENV=test
      // nothing is refused unless a test opens a database with limits of its own.
      const testing = values.APP_ENV === "test";
      const admission = {
        DB_QUEUE_LIMIT: values.DB_QUEUE_LIMIT ?? (testing ? 100_000 : Math.max(10, 2 * values.DB_POOL_SIZE)),
        DB_QUEUE_TIMEOUT_MS: values.DB_QUEUE_TIMEOUT_MS ?? (testing ? 600_000 : 1_000),
        MAX_IN_FLIGHT_REQUESTS: values.MAX_IN_FLIGHT_REQUESTS ?? (testing ? 100_000 : undefined),
      };
      return { ...out, ...admission } as typeof values & { [K in keyof typeof DEV_DEFAULTS]: string } & typeof admission;
    }),
});

export type AppEnv = z.infer<typeof appEnv>;
export const isEmbeddedDatabase = () => !env.DATABASE_URL;
