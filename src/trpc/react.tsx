"use client";
// Client side of tRPC: React Query hooks through `useTRPC()`. The tenant of every call is the
// one in the page URL, sent as a header; the server checks membership for each call.
// Subscriptions (the live stream, see ./realtime) go over SSE, where a browser cannot set
// headers: the tenant travels as a connection parameter instead, and the cookies as usual.
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, loggerLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import { MAX_BATCH_CALLS } from "@/lib/api-limits";
import type { AppRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";
import { trafficTrackingEventSource } from "./realtime/traffic";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

/** The tenant slug of the page, or null outside a tenant's pages. */
export function tenantSlugFromLocation(): string | null {
  const match = window.location.pathname.match(/^\/t\/([^/]+)/);
  return match ? decodeURIComponent(match[1]!) : null;
}

function tenantFromLocation(): Record<string, string> {
  const slug = tenantSlugFromLocation();
  return slug ? { "x-caseboard-tenant": slug } : {};
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({
            url: "/api/trpc",
            transformer: superjson,
            connectionParams: () => {
              const slug = tenantSlugFromLocation();
              return slug ? { tenant: slug } : null;
            },
            EventSource: trafficTrackingEventSource(),
          }),
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson, headers: tenantFromLocation, maxItems: MAX_BATCH_CALLS }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {/* Slides the session's 24 h expiry forward while the app is open. */}
        <SessionKeepAlive />
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
