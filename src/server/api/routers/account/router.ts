import { createTRPCRouter } from "@/server/api/trpc";

export const accountRouter = createTRPCRouter({});
