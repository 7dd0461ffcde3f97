import { createTRPCRouter } from "@/server/api/trpc";
import { analytics } from "./analytics";
import { recent } from "./recent";
import { recordOpen } from "./record-open";
import { searchQuery } from "./search-query";

export const searchRouter = createTRPCRouter({
  query: searchQuery,
  recordOpen,
  recent,
  analytics,
});
