import { createCallerFactory, createTRPCRouter } from "./trpc";
import { authRouter } from "./routers/auth/router";
import { casesRouter } from "./routers/cases/router";
import { customersRouter } from "./routers/customers/router";
import { notificationsRouter } from "./routers/notifications/router";
import { tenantRouter } from "./routers/tenant/router";
import { viewsRouter } from "./routers/views/router";
import { cannedResponsesRouter } from "./routers/canned-responses/router";
import { macrosRouter } from "./routers/macros/router";
import { chatWidgetRouter } from "./routers/chat-widget/router";
import { chatRouter } from "./routers/chat/router";
import { membersRouter } from "./routers/members/router";
import { apiKeysRouter } from "./routers/api-keys/router";
import { auditRouter } from "./routers/audit/router";
import { jobsRouter } from "./routers/jobs/router";
import { invitationsRouter } from "./routers/invitations/router";
import { importsRouter } from "./routers/imports/router";
import { adminRouter } from "./routers/admin/router";
import { accountRouter } from "./routers/account/router";
import { realtimeRouter } from "./routers/realtime/router";
import { teamsRouter } from "./routers/teams/router";
import { escalationRulesRouter } from "./routers/escalation-rules/router";
import { alertsRouter } from "./routers/alerts/router";
import { alertRulesRouter } from "./routers/alert-rules/router";
import { feedRouter } from "./routers/feed/router";
import { searchRouter } from "./routers/search/router";
import { aiRouter } from "./routers/ai/router";
import { insightsRouter } from "./routers/insights/router";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  tenant: tenantRouter,
  cases: casesRouter,
  customers: customersRouter,
  views: viewsRouter,
  cannedResponses: cannedResponsesRouter,
  macros: macrosRouter,
  chatWidget: chatWidgetRouter,
  chat: chatRouter,
  notifications: notificationsRouter,
  members: membersRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  jobs: jobsRouter,
  invitations: invitationsRouter,
  imports: importsRouter,
  admin: adminRouter,
  account: accountRouter,
  realtime: realtimeRouter,
  teams: teamsRouter,
  escalationRules: escalationRulesRouter,
  alerts: alertsRouter,
  alertRules: alertRulesRouter,
  feed: feedRouter,
  search: searchRouter,
  ai: aiRouter,
  insights: insightsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
