import { tracked } from "@trpc/server";
import { subscribeInput } from "@/lib/realtime/events";
import { tenantProcedure } from "@/server/api/trpc";
import { recheckTenantAccess } from "@/server/api/middlewares/tenant";
import { trackOnline } from "@/server/realtime/online";
import { eventStream } from "@/server/realtime/stream";

/**
 * The tenant's live events over SSE: every change this caller may see, in order, resumable. Each
 * message carries the client's position as its id, so a reconnecting client (tRPC sends the last
 * id back as `lastEventId`) gets exactly what it missed. The tenant middleware decides access when
 * the stream opens; the stream decides it again while it lasts (src/server/realtime/stream.ts).
 */
export const subscribeEvents = tenantProcedure("tenant:read")
  .input(subscribeInput)
  .subscription(async function* ({ ctx, input, signal }) {
    const tenantId = ctx.tenant.id;
    // A member gets their own notifications; an API key has none (as notifications.list says), but
    // the member on whose authority it acts decides its access, so their membership changes recheck it.
    const userId = ctx.user?.id ?? null;
    const stream = eventStream({
      tenantId,
      receiver: { userId, permissions: ctx.permissions },
      accessOf: ctx.user?.id ?? ctx.principal?.authorityUserId ?? null,
      lastSeq: input.lastEventId ? Number(input.lastEventId) : null,
      member: Boolean(ctx.user),
      signal: signal ?? new AbortController().signal,
      recheck: async () => {
        const access = await recheckTenantAccess(ctx, tenantId);
        return access ? { userId, permissions: access.permissions } : null;
      },
    });
    let position = input.lastEventId ? Number(input.lastEventId) : 0;
    // A member with an open stream is online in the tenant (an API key is nobody to show).
    const offline = ctx.user ? trackOnline({ tenantId, userId: ctx.user.id, name: ctx.user.name }) : null;
    try {
      for await (const message of stream) {
        if (message.type === "event" || message.type === "ready") position = message.seq;
        yield tracked(String(position), message);
      }
    } finally {
      offline?.();
    }
  });
