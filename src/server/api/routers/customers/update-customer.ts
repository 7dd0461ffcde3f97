import { updateCustomerSchema } from "@/lib/validations/customer";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { customerOutput } from "@/server/services/customers/customer-view";
import { updateCustomer as updateCustomerService } from "@/server/services/customers/customers";

/** Stale `version` → CONFLICT with details.current. */
export const updateCustomer = tenantProcedure("customers:write")
  .meta({ openapi: { method: "PATCH", path: "/customers/{id}" } })
  .input(updateCustomerSchema)
  .output(customerOutput)
  .mutation(({ ctx, input }) => updateCustomerService(ctx.db, callerOf(ctx), input));
