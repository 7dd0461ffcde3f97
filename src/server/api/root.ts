import { createCallerFactory, createTRPCRouter } from "./trpc";
import { authRouter } from "./routers/auth/router";
import { casesRouter } from "./routers/cases/router";
import { tenantRouter } from "./routers/tenant/router";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  tenant: tenantRouter,
  cases: casesRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
