import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { search, searchInput, searchOutput } from "@/server/services/search/search";

/** The search palette and page: the tenant's cases (ranked, with snippets) and customers matching what is typed; recorded for search analytics. */
export const searchQuery = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/search" } })
  .input(searchInput)
  .output(searchOutput)
  .query(({ ctx, input }) =>
    search(ctx.db, input, { userId: callerOf(ctx).userId, isApiKey: ctx.principal !== null, canReadCustomers: ctx.permissions.has("customers:read"), canReadPii: ctx.permissions.has("pii:read") }),
  );
