import { createTRPCRouter } from "@/server/api/trpc";
import { searchQuery } from "./search-query";

export const searchRouter = createTRPCRouter({
  query: searchQuery,
});
