import { createTRPCRouter } from "@/server/api/trpc";
import { listAuditEvents } from "./list-audit-events";

export const auditRouter = createTRPCRouter({
  list: listAuditEvents,
});
