import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseSummaryOutput } from "@/server/services/cases/case-select";
import { customerOutput } from "@/server/services/customers/customer-view";
import { getCustomer as getCustomerService } from "@/server/services/customers/customers";

export const getCustomer = tenantProcedure("customers:read")
  .meta({ openapi: { method: "GET", path: "/customers/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(customerOutput.extend({ cases: z.array(caseSummaryOutput), caseCounts: z.object({ open: z.number().int(), total: z.number().int() }) }))
  .query(({ ctx, input }) => getCustomerService(ctx.db, callerOf(ctx), input.id));
