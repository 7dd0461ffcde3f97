// "Draft reply" in the composer: the reply-draft agent's answer, streamed as it is written. The
// case is read in one short transaction; the model is called outside any (run-agent.ts). What
// streams is a preview: only the final, validated reply is given as the draft.
import { parsePartialJson } from "ai";
import { withTenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { replyDraftAgent } from "@/server/ai/agents/reply-draft";
import { runAgent } from "@/server/ai/run-agent";
import { aiFailure } from "./ai-errors";

export type DraftEvent = { type: "text"; text: string; attempt: number } | { type: "done"; reply: string; runId: string };

const FROM = { CUSTOMER: "customer", MEMBER: "agent", SYSTEM: "system" } as const;
/** Streamed previews at most this often: a token per event would flood a slow connection. */
const PREVIEW_EVERY_MS = 80;

async function loadDraftInput(tenantId: string, caseId: string, userId: string | null) {
  return withTenantDb(tenantId, async (db) => {
    const found = await db.case.findFirst({
      where: { id: caseId },
      select: {
        title: true,
        description: true,
        customerId: true,
        customer: { select: { name: true } },
        messages: { where: { kind: "PUBLIC_REPLY" }, orderBy: { createdAt: "desc" }, take: 20, select: { authorType: true, body: true } },
      },
    });
    if (!found) throw notFound("Case");
    const otherCases = found.customerId
      ? await db.case.findMany({
          where: { customerId: found.customerId, id: { not: caseId } },
          orderBy: { createdAt: "desc" },
          take: 5,
          select: { number: true, title: true, status: true },
        })
      : [];
    const agent = userId ? await db.membership.findFirst({ where: { userId }, select: { user: { select: { name: true } } } }) : null;
    return {
      title: found.title,
      description: found.description,
      customerName: found.customer?.name ?? null,
      agentName: agent?.user.name ?? null,
      thread: found.messages.reverse().map((m) => ({ from: FROM[m.authorType], body: m.body })),
      otherCases,
    };
  });
}

/** The reply so far, from the JSON written so far (a leading Markdown fence is skipped). */
async function replySoFar(text: string): Promise<string | null> {
  const json = text.replace(/^\s*```[A-Za-z]*\s*/, "");
  const { value } = await parsePartialJson(json);
  return value && typeof value === "object" && "reply" in value && typeof value.reply === "string" ? value.reply : null;
}

export async function* draftReply(tenantId: string, caseId: string, userId: string | null, signal: AbortSignal): AsyncGenerator<DraftEvent> {
  const input = await loadDraftInput(tenantId, caseId, userId);
  // The runner reports text through a callback; the generator hands it on as events.
  const queue: DraftEvent[] = [];
  let wake: (() => void) | null = null;
  let lastSent = 0;
  const push = (event: DraftEvent) => {
    queue.push(event);
    wake?.();
  };
  const run = runAgent(replyDraftAgent, input, {
    tenantId,
    caseId,
    userId,
    signal,
    onText: (text, attempt) => {
      const now = Date.now();
      if (now - lastSent < PREVIEW_EVERY_MS) return;
      lastSent = now;
      void replySoFar(text).then((reply) => reply !== null && push({ type: "text", text: reply, attempt }));
    },
  });
  let settled = false;
  const done = () => {
    settled = true;
    wake?.();
  };
  run.then(done, done);
  while (!settled || queue.length > 0) {
    if (queue.length === 0) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (settled || queue.length > 0) resolve();
      });
      wake = null;
      continue;
    }
    yield queue.shift()!;
  }
  const result = await run;
  if (!result.ok) throw aiFailure(result);
  yield { type: "done", reply: result.output.reply, runId: result.runId };
}
