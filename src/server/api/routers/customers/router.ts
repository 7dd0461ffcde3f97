import { createTRPCRouter } from "@/server/api/trpc";
import { createCustomer } from "./create-customer";
import { getCustomer } from "./get-customer";
import { listCustomers } from "./list-customers";
import { rotateCustomerEncryption } from "./rotate-encryption";
import { updateCustomer } from "./update-customer";

export const customersRouter = createTRPCRouter({
  list: listCustomers,
  get: getCustomer,
  create: createCustomer,
  update: updateCustomer,
  rotateEncryption: rotateCustomerEncryption,
});
