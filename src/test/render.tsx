// Renders a component as the app does (React Query + tRPC providers) without a server: queries
// read what the test seeded into the cache (`seed(trpc.x.y.queryKey(input), data)`), and any call
// that does reach the tRPC client is answered by the test's `handlers` (by procedure path) and
// recorded in `calls`. Only the network edge is replaced; the components, hooks and cache are real.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { render, type RenderOptions } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import type { AppRouter } from "@/server/api/root";
import { TRPCProvider } from "@/trpc/react";

export type TrpcHandlers = Record<string, (input: unknown) => unknown>;
export interface TrpcCall {
  path: string;
  type: string;
  input: unknown;
}

export function createTestTrpc(handlers: TrpcHandlers = {}) {
  const calls: TrpcCall[] = [];
  const link: TRPCLink<AppRouter> = () => ({ op }) =>
    observable((observer) => {
      calls.push({ path: op.path, type: op.type, input: op.input });
      const handler = handlers[op.path];
      Promise.resolve()
        .then(() => {
          if (!handler) throw new Error(`No test handler for ${op.path}`);
          return handler(op.input);
        })
        .then(
          (data) => {
            observer.next({ result: { type: "data", data } });
            observer.complete();
          },
          (error: unknown) => observer.error(TRPCClientError.from(error instanceof Error ? error : new Error(String(error)))),
        );
    });
  const client = createTRPCClient<AppRouter>({ links: [link] });
  // Seeded data stays fresh for the whole test; a failed call fails at once.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity, gcTime: Infinity }, mutations: { retry: false } } });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });
  return { client, queryClient, trpc, calls };
}

export type TestTrpc = ReturnType<typeof createTestTrpc>;

/** Renders `ui` inside the providers of `testTrpc` (a fresh one by default); returns a user-event user too. */
export function renderWithTrpc(ui: ReactElement, testTrpc: TestTrpc = createTestTrpc(), options?: RenderOptions) {
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={testTrpc.queryClient}>
      <TRPCProvider trpcClient={testTrpc.client} queryClient={testTrpc.queryClient}>
        {ui}
      </TRPCProvider>
    </QueryClientProvider>,
    options,
  );
  return { ...result, ...testTrpc, user };
}
