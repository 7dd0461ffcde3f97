import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { api } from "@/trpc/server";
import { orNotFound } from "../../_components/load-tenant";

/**
 * The customer named by the URL, once per request (the layout decides 404, the page renders it):
 * an id that is no uuid, or a customer this tenant does not have, is the not-found page.
 */
export const loadCustomer = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) notFound();
  return orNotFound(() => api.customers.get({ id }));
});
