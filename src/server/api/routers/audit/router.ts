import { createTRPCRouter } from "@/server/api/trpc";
import { listAuditEvents } from "./list-audit-events";
import { recordAuditExport } from "./record-audit-export";
import { verifyAuditChainProcedure } from "./verify-audit-chain";

export const auditRouter = createTRPCRouter({
  list: listAuditEvents,
  verify: verifyAuditChainProcedure,
  recordExport: recordAuditExport,
});
