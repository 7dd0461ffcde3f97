"use client";
// Client side of tRPC: React Query hooks through `useTRPC()`. The tenant of every call is the
// one in the page URL, sent as a header; the server checks membership for each call.
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { SessionProvider } from "next-auth/react";
import { useState } from "react";
import superjson from "superjson";
import { MAX_BATCH_CALLS } from "@/lib/api-limits";
import type { AppRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

function tenantFromLocation(): Record<string, string> {
  const match = window.location.pathname.match(/^\/t\/([^/]+)/);
  return match ? { "x-caseboard-tenant": decodeURIComponent(match[1]!) } : {};
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
        httpBatchLink({ url: "/api/trpc", transformer: superjson, headers: tenantFromLocation, maxItems: MAX_BATCH_CALLS }),
      ],
    }),
  );
  return (
    // Refetching the session every 5 minutes slides its 24 h expiry forward while the app is open.
    <SessionProvider refetchInterval={5 * 60} refetchOnWindowFocus>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </SessionProvider>
  );
}
