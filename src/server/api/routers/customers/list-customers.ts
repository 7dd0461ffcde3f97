import { z } from "zod";
import { text } from "@/lib/validations/text";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { customerOutput } from "@/server/services/customers/customer-view";
import { listCustomers as listCustomersService } from "@/server/services/customers/customers";

export const listCustomersInput = z.object({
  /** Part of a name, an exact external id, or an exact email address. */
  q: text().trim().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: text().max(500).nullish(),
});

export const listCustomers = tenantProcedure("customers:read")
  .meta({ openapi: { method: "GET", path: "/customers" } })
  .input(listCustomersInput)
  .output(z.object({ items: z.array(customerOutput.extend({ openCaseCount: z.number().int() })), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) => listCustomersService(ctx.db, callerOf(ctx), input));
