// Members' side of the website chat (the visitors' side is the widget router, apart).
import { createTRPCRouter } from "@/server/api/trpc";
import { getCaseVisitor } from "./get-case-visitor";

export const chatRouter = createTRPCRouter({
  visitor: getCaseVisitor,
});
