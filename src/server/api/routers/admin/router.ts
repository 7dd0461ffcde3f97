import { createTRPCRouter } from "@/server/api/trpc";

export const adminRouter = createTRPCRouter({});
