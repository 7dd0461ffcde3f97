// A typed client for Caseboard's API, as a script of your own would use it:
//   CASEBOARD_API_KEY=cb_… CASEBOARD_URL=http://localhost:3000 npm run example:client
// Types come from the server's router (a type-only import, nothing of the server is bundled), so
// inputs and outputs are checked at compile time. Without CASEBOARD_API_KEY it uses the demo key
// of tenant "acme" that `npm run db:seed` (or the dev server's first start) creates.
import { createTRPCClient, httpBatchLink, isTRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";
import { MAX_BATCH_CALLS } from "../src/lib/api-limits";
import type { AppRouter } from "../src/server/api/root";
import { DEMO_TENANTS } from "../src/server/services/seed/demo-data";

type CaseSummary = inferRouterOutputs<AppRouter>["cases"]["list"]["items"][number];

const baseUrl = (process.env.CASEBOARD_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const apiKey = process.env.CASEBOARD_API_KEY ?? DEMO_TENANTS.find((t) => t.slug === "acme")!.apiKey;

const client = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: `${baseUrl}/api/trpc`,
      // The server refuses larger batches; the link splits them.
      maxItems: MAX_BATCH_CALLS,
      // Dates and other non-JSON values cross the wire intact, as the server sends them.
      transformer: superjson,
      // The key names the tenant: no tenant header is needed.
      headers: () => ({ authorization: `Bearer ${apiKey}` }),
    }),
  ],
});

function printCases(cases: CaseSummary[]): void {
  for (const c of cases) {
    console.log(
      `  #${String(c.number).padEnd(6)} ${c.status.padEnd(9)} ${c.priority.padEnd(7)} ` +
        `${c.createdAt.toISOString().slice(0, 16).replace("T", " ")}  ${c.title}` +
        (c.assignee ? `  → ${c.assignee.name}` : ""),
    );
  }
}

/** Prints the structured error every Caseboard surface returns: code, message, details, requestId. */
function printError(error: unknown): void {
  if (isTRPCClientError<AppRouter>(error)) {
    if (error.data) {
      const { code, details, requestId, httpStatus } = error.data;
      console.error(`Request failed: ${code} (HTTP ${httpStatus}) ${error.message}`);
      if (details) console.error(`  details:   ${JSON.stringify(details)}`);
      console.error(`  requestId: ${requestId}  (quote it when reporting a problem; the server logs carry it)`);
      return;
    }
    // No error body: the server was not reached or answered something other than tRPC.
    const cause = error.cause as (Error & { code?: string; cause?: Error & { code?: string } }) | undefined;
    const network = cause?.code ?? cause?.cause?.code ?? cause?.cause?.message;
    console.error(
      network
        ? `Could not reach ${baseUrl} (${network}). Is the app running (npm run dev)? Set CASEBOARD_URL otherwise.`
        : `Unexpected response from ${baseUrl}/api/trpc: ${error.message}`,
    );
    return;
  }
  console.error(error);
}

async function main(): Promise<void> {
  console.log(`Caseboard at ${baseUrl}, key ${apiKey.slice(0, 12)}…\n`);

  const page = await client.cases.list.query({ limit: 5 });
  console.log(`First ${page.items.length} cases (newest first)${page.nextCursor ? ", more available" : ""}:`);
  printCases(page.items);

  const created = await client.cases.create.mutate({
    title: `Created by the example client at ${new Date().toISOString().slice(11, 19)}`,
    description: "Shows a typed call from a script. Safe to close.",
    priority: "LOW",
    channel: "API",
    tags: ["example"],
  });
  console.log(`\nCreated case #${created.number} (${created.id}):`);
  printCases([created]);
}

main().catch((error: unknown) => {
  printError(error);
  process.exitCode = 1;
});
