// Verifies a tenant's audit log three ways:
//  1. the sha256 chain, with the database's own verifier (audit_chain_breaks), so the hash is
//     computed by exactly the code that wrote it: finds rows changed without recomputing hashes;
//  2. the mac chain, here, with the key the database never sees: finds rows rewritten even when
//     every hash after them was recomputed, and unkeyed rows slipped in after keyed ones;
//  3. the signed checkpoint in the file store: finds the newest events removed (which leaves a
//     shorter chain that is otherwise intact).
import type { PrismaClient } from "@/server/db/generated/client";
import type { KeyRing } from "@/server/crypto/key-ring";
import { getStorage, type FileStorage } from "@/server/storage";
import { readCheckpoint, type CheckpointRead } from "./checkpoint";
import { auditKeyRing } from "./keys";
import { eventMac, sameMac, type AuditEventContent } from "./mac";

type Queryable = Pick<PrismaClient, "$queryRaw">;

export interface ChainBreak {
  seq: number;
  eventId: string;
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  /** Events written before the chain was keyed: vouched for by the sha256 chain and the first keyed event after them. */
  legacyEvents: number;
  /** The newest checkpoint, when there is one. */
  checkpoint: { seq: number; at: Date } | null;
  /** At most MAX_BREAKS, in order: the first is where the log was changed. */
  breaks: ChainBreak[];
  /** What could not be checked (the file store could not be read), without meaning the log is broken. */
  warnings: string[];
}

/** A rewrite early in a long log breaks every later mac; the first ones say all there is to say. */
const MAX_BREAKS = 100;
const BATCH = 2000;

interface Row {
  id: string;
  seq: number;
  prev_hash: string | null;
  hash: string;
  mac: string | null;
  mac_key_id: string | null;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  diff: string | null;
  created_ms: bigint | number;
}

const contentOf = (tenantId: string, r: Row): AuditEventContent => ({
  id: r.id,
  tenantId,
  seq: r.seq,
  prevHash: r.prev_hash,
  actorType: r.actor_type,
  actorId: r.actor_id,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  requestId: r.request_id,
  ip: r.ip,
  userAgent: r.user_agent,
  // Read as text and parsed here, so both database drivers give the verifier the same value.
  // (The null test only spares a parse: JSON.parse(null) is null too, so its mutant is equivalent.)
  diff: r.diff === null ? null : (JSON.parse(r.diff) as unknown),
  createdAtMs: Number(r.created_ms),
});

export interface VerifyOptions {
  /** Where checkpoints are read from; null skips the checkpoint check. Default: the app's file store. */
  storage?: FileStorage | null;
  ring?: KeyRing;
}

export async function verifyAuditChain(db: Queryable, tenantId: string, options: VerifyOptions = {}): Promise<ChainReport> {
  const ring = options.ring ?? auditKeyRing();
  const storage = options.storage === undefined ? getStorage() : options.storage;
  const warnings: string[] = [];
  // (An empty object here reads as no checkpoint just the same: `checkpoint` undefined is as falsy
  // as null and is reported as null, so that mutant is equivalent.)
  let anchor: CheckpointRead = { checkpoint: null };
  if (storage) {
    try {
      anchor = await readCheckpoint(storage, tenantId, ring);
    } catch (error) {
      warnings.push(`The checkpoint could not be read (${error instanceof Error ? error.message : String(error)}); removed newest events would go unnoticed.`);
    }
  }
  const cp = anchor.checkpoint;

  const byDatabase = await db.$queryRaw<{ seq: number; event_id: string; reason: string }[]>`
    SELECT seq, event_id::text AS event_id, reason FROM audit_chain_breaks(${tenantId}::uuid)`;
  // One break per event; the database's reason first, being the more specific.
  const breaks = new Map<number, ChainBreak>();
  const add = (b: ChainBreak) => {
    if (!breaks.has(b.seq)) breaks.set(b.seq, b);
  };
  for (const b of byDatabase) add({ seq: b.seq, eventId: b.event_id, reason: b.reason });

  let events = 0;
  let legacyEvents = 0;
  let keyedSeen = false;
  let prevMac: string | null = null;
  let lastSeq = 0;
  let anchored: Row | undefined;
  for (let after = 0; ; ) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT id::text AS id, seq, prev_hash, hash, mac, mac_key_id, actor_type, actor_id, action, target_type, target_id,
             request_id, ip, user_agent, diff::text AS diff, (extract(epoch FROM created_at) * 1000)::bigint AS created_ms
        FROM audit_events WHERE tenant_id = ${tenantId}::uuid AND seq > ${after} ORDER BY seq LIMIT ${BATCH}`;
    for (const r of rows) {
      events++;
      if (cp && r.seq === cp.seq) anchored = r;
      if (r.mac === null) {
        if (keyedSeen) add({ seq: r.seq, eventId: r.id, reason: "unkeyed event after keyed ones: written or altered outside the audit writer" });
        else legacyEvents++;
      } else {
        keyedSeen = true;
        const key = r.mac_key_id ? ring.get(r.mac_key_id) : undefined;
        if (!key) {
          add({ seq: r.seq, eventId: r.id, reason: `signed with key "${r.mac_key_id}", which is not in AUDIT_HMAC_KEYS` });
        } else if (!sameMac(eventMac(key, contentOf(tenantId, r), prevMac), r.mac)) {
          add({ seq: r.seq, eventId: r.id, reason: "mac mismatch: this event, or the one before it, was changed without the audit key" });
        }
      }
      prevMac = r.mac;
      lastSeq = r.seq;
    }
    if (rows.length < BATCH) break;
    after = lastSeq;
  }

  if (anchor.problem) add({ seq: 0, eventId: "", reason: anchor.problem });
  if (cp) {
    // Comparing the anchored event with the checkpoint is defence in depth: the hash covers the id
    // (a new id means a new hash, or the database's own check flags the row), and a mac changed or
    // dropped is flagged at this same position by the mac checks or the count of unkeyed events.
    // Mutants dropping the id or the mac comparison are therefore equivalent in the breaks reported
    // (only this reason's wording would be lost); the hash comparison is tested.
    if (!anchored) {
      add({ seq: cp.seq, eventId: cp.eventId, reason: `missing: the checkpoint of ${cp.at} vouches for events up to #${cp.seq}, the log ends at #${lastSeq}` });
    } else if (anchored.id !== cp.eventId || anchored.hash !== cp.hash || anchored.mac !== cp.mac) {
      add({ seq: cp.seq, eventId: anchored.id, reason: `differs from the checkpoint of ${cp.at}: the event was replaced` });
    }
    if (legacyEvents !== cp.legacyEvents) {
      add({ seq: cp.legacyEvents + 1, eventId: "", reason: `${legacyEvents} unkeyed events where the checkpoint of ${cp.at} recorded ${cp.legacyEvents}` });
    }
  }

  const list = [...breaks.values()].sort((a, b) => a.seq - b.seq).slice(0, MAX_BREAKS);
  return {
    ok: list.length === 0,
    events,
    legacyEvents,
    checkpoint: cp ? { seq: cp.seq, at: new Date(cp.at) } : null,
    breaks: list,
    warnings,
  };
}
