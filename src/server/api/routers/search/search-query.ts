import { tenantProcedure } from "@/server/api/trpc";
import { search, searchInput, searchOutput } from "@/server/services/search/search";

/** The search palette: the tenant's cases (ranked, with snippets) and customers matching what is typed. */
export const searchQuery = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/search" } })
  .input(searchInput)
  .output(searchOutput)
  .query(({ ctx, input }) => search(ctx.db, input, ctx.permissions.has("customers:read")));
