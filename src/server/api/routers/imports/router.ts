import { createTRPCRouter } from "@/server/api/trpc";

export const importsRouter = createTRPCRouter({});
