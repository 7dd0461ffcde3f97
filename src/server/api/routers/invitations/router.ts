import { createTRPCRouter } from "@/server/api/trpc";

export const invitationsRouter = createTRPCRouter({});
