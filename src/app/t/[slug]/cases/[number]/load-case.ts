import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { caseNumberSchema } from "@/lib/validations/case";
import { api } from "@/trpc/server";
import { orNotFound } from "../../_components/load-tenant";

/**
 * The case named by the URL, once per request (the layout decides 404, the page renders it):
 * a number that is not one, or a case this tenant does not have, is the not-found page.
 */
export const loadCaseByNumber = cache(async (raw: string) => {
  const parsed = caseNumberSchema.safeParse(raw);
  if (!parsed.success) notFound();
  return { number: parsed.data, detail: await orNotFound(() => api.cases.get({ number: parsed.data })) };
});
