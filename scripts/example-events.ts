// Follows a tenant's live events from a script, with the typed client and an API key:
//   CASEBOARD_API_KEY=cb_… CASEBOARD_URL=http://localhost:3000 npm run example:events
// Subscriptions travel over server-sent events (httpSubscriptionLink). Node has no EventSource of
// its own (before 22), so the `eventsource` package provides one whose fetch can carry the key.
// On a dropped connection the link reconnects and sends the last event id back: the server
// replays exactly what was missed. Events carry ids; fetch details through the normal procedures.
import { createTRPCClient, httpSubscriptionLink, isTRPCClientError } from "@trpc/client";
import { EventSource } from "eventsource";
import superjson from "superjson";
import type { AppRouter } from "../src/server/api/root";
import { DEMO_TENANTS } from "../src/server/services/seed/demo-data";

const baseUrl = (process.env.CASEBOARD_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const apiKey = process.env.CASEBOARD_API_KEY ?? DEMO_TENANTS.find((t) => t.slug === "acme")!.apiKey;

const client = createTRPCClient<AppRouter>({
  links: [
    httpSubscriptionLink({
      url: `${baseUrl}/api/trpc`,
      transformer: superjson,
      EventSource,
      // The key names the tenant; it goes in a header the browser's EventSource could not send.
      eventSourceOptions: () => ({
        fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, authorization: `Bearer ${apiKey}` } }),
      }),
    }),
  ],
});

console.log(`Following ${baseUrl} with key ${apiKey.slice(0, 12)}… (Ctrl+C to stop)`);
const subscription = client.realtime.events.subscribe(
  { lastEventId: process.env.CASEBOARD_LAST_EVENT_ID ?? null },
  {
    onData({ id, data: message }) {
      if (message.type === "ready") console.log(`caught up at event ${message.seq}${message.missed ? " (some events were too old to replay)" : ""}`);
      else if (message.type === "event") console.log(`#${id} ${message.at} ${message.kind} ${message.entityId} ${JSON.stringify(message.data)}`);
      else if (message.type === "presence") console.log(`presence on case ${message.caseId}: ${message.members.map((m) => `${m.name} (${m.state})`).join(", ") || "nobody"}`);
      // "online" snapshots go to members' streams only, never to a key's.
    },
    onError(error) {
      if (isTRPCClientError<AppRouter>(error) && error.data) console.error(`Stream refused: ${error.data.code} ${error.message} (request ${error.data.requestId})`);
      else console.error(`Stream failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      subscription.unsubscribe();
    },
  },
);

process.once("SIGINT", () => {
  subscription.unsubscribe();
  process.exit(0);
});
