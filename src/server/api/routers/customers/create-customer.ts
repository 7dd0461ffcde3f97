import { createCustomerSchema } from "@/lib/validations/customer";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { customerOutput } from "@/server/services/customers/customer-view";
import { createCustomer as createCustomerService } from "@/server/services/customers/customers";

/** A duplicate email (or external id) → CONFLICT with a field error. */
export const createCustomer = tenantProcedure("customers:write")
  .meta({ openapi: { method: "POST", path: "/customers" } })
  .input(createCustomerSchema)
  .output(customerOutput)
  .mutation(({ ctx, input }) => createCustomerService(ctx.db, callerOf(ctx), input));
