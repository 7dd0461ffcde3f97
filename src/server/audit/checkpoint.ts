// Checkpoints anchor a tenant's audit chain outside the database: a small signed record of the
// newest event (seq, hash, mac) kept in the file store under a fixed name. The mac chain shows an
// event was changed; only something the database cannot rewrite shows that the newest events
// were removed. Verification (verify-chain.ts) demands that the event a checkpoint names is
// still there, unchanged. A recurring job (jobs/tasks/audit-checkpoint.ts) moves it forward.
import { createHmac } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/server/db/generated/client";
import type { FileStorage } from "@/server/storage";
import type { KeyRing } from "@/server/crypto/key-ring";
import { auditKeyRing, auditSubkey, type AuditKey } from "./keys";
import { canonicalJson, sameMac } from "./mac";

type Queryable = Pick<PrismaClient, "$queryRaw">;

const checkpointSchema = z.object({
  v: z.literal(1),
  tenantId: z.uuid(),
  seq: z.number().int().min(1),
  eventId: z.uuid(),
  hash: z.string(),
  mac: z.string().nullable(),
  /** Events before the chain was keyed (mac NULL). Fixed once keyed: no unkeyed event can be added. */
  legacyEvents: z.number().int().min(0),
  at: z.iso.datetime(),
  kid: z.string(),
  sig: z.string(),
});

export type AuditCheckpoint = z.infer<typeof checkpointSchema>;

export const checkpointName = (tenantId: string) => `audit-checkpoints/${tenantId}.json`;

function signature(key: AuditKey, c: Omit<AuditCheckpoint, "sig" | "kid">): string {
  const message = canonicalJson(["caseboard.audit-checkpoint.v1", key.id, c.v, c.tenantId, c.seq, c.eventId, c.hash, c.mac, c.legacyEvents, c.at]);
  return createHmac("sha256", auditSubkey(key, "checkpoint")).update(message).digest("base64url");
}

export type CheckpointRead = { checkpoint: AuditCheckpoint; problem?: undefined } | { checkpoint: null; problem?: string };

/** The tenant's checkpoint, checked: a missing one is `{ checkpoint: null }`, a forged or unreadable one names its problem. */
export async function readCheckpoint(storage: FileStorage, tenantId: string, ring: KeyRing = auditKeyRing()): Promise<CheckpointRead> {
  const bytes = await storage.getNamed(checkpointName(tenantId));
  if (!bytes) return { checkpoint: null };
  let parsed: AuditCheckpoint;
  try {
    parsed = checkpointSchema.parse(JSON.parse(bytes.toString("utf8")));
  } catch {
    return { checkpoint: null, problem: "the checkpoint is not a valid checkpoint" };
  }
  const key = ring.get(parsed.kid);
  if (!key) return { checkpoint: null, problem: `the checkpoint is signed with key "${parsed.kid}", which is not in AUDIT_HMAC_KEYS` };
  if (!sameMac(signature(key, parsed), parsed.sig) || parsed.tenantId !== tenantId) {
    return { checkpoint: null, problem: "the checkpoint's signature does not verify: it was not written by this application" };
  }
  return { checkpoint: parsed };
}

interface Head {
  id: string;
  seq: number;
  hash: string;
  mac: string | null;
}

export type CheckpointOutcome =
  | { outcome: "written"; seq: number }
  | { outcome: "unchanged" | "empty" }
  /** The log no longer holds what the last checkpoint vouched for: it is kept, as evidence. */
  | { outcome: "refused"; reason: string };

/**
 * Moves the tenant's checkpoint to its newest event. Never over a checkpoint the log no longer
 * matches: rewriting the checkpoint then would launder the removal of the events it covered.
 * `run` opens a short privileged transaction; no storage call happens inside one.
 */
export async function checkpointTenant(
  run: <R>(fn: (db: Queryable) => Promise<R>) => Promise<R>,
  storage: FileStorage,
  tenantId: string,
  options: { now?: Date; ring?: KeyRing } = {},
): Promise<CheckpointOutcome> {
  const ring = options.ring ?? auditKeyRing();
  const previous = await readCheckpoint(storage, tenantId, ring);
  if (previous.problem) return { outcome: "refused", reason: previous.problem };
  const last = previous.checkpoint;

  const state = await run(async (db) => {
    const [head] = await db.$queryRaw<Head[]>`
      SELECT id::text AS id, seq, hash, mac FROM audit_events WHERE tenant_id = ${tenantId}::uuid ORDER BY seq DESC LIMIT 1`;
    const [anchored] = last
      ? await db.$queryRaw<Head[]>`
          SELECT id::text AS id, seq, hash, mac FROM audit_events WHERE tenant_id = ${tenantId}::uuid AND seq = ${last.seq}`
      : [];
    // Counted once, at the first checkpoint; after that no unkeyed event can be inserted.
    const [legacy] = last
      ? [{ n: BigInt(last.legacyEvents) }]
      : await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_events WHERE tenant_id = ${tenantId}::uuid AND mac IS NULL`;
    return { head, anchored, legacyEvents: Number(legacy?.n ?? 0) };
  });

  if (last) {
    const a = state.anchored;
    if (!a || a.id !== last.eventId || a.hash !== last.hash || a.mac !== last.mac) {
      return { outcome: "refused", reason: `event #${last.seq}, checkpointed at ${last.at}, is ${a ? "changed" : "missing"}` };
    }
    if (state.head && state.head.seq === last.seq) return { outcome: "unchanged" };
  }
  const head = state.head;
  if (!head) return { outcome: "empty" };

  const key = ring.primary;
  const unsigned = {
    v: 1 as const,
    tenantId,
    seq: head.seq,
    eventId: head.id,
    hash: head.hash,
    mac: head.mac,
    legacyEvents: state.legacyEvents,
    at: (options.now ?? new Date()).toISOString(),
  };
  const checkpoint: AuditCheckpoint = { ...unsigned, kid: key.id, sig: signature(key, unsigned) };
  await storage.putNamed(checkpointName(tenantId), Buffer.from(JSON.stringify(checkpoint)));
  return { outcome: "written", seq: head.seq };
}

/** Removes a purged tenant's checkpoint (nothing is left for it to vouch for). */
export async function deleteCheckpoint(storage: FileStorage, tenantId: string): Promise<void> {
  await storage.deleteNamed(checkpointName(tenantId));
}
