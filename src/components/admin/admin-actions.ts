"use server";
// Platform admin mutations: the same procedures, through the server-side caller.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { AdminCreateTenantInput } from "@/lib/validations/admin";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function createTenantAction(
  values: AdminCreateTenantInput,
): Promise<ActionResult<{ id: string; slug: string; name: string; delivered: boolean; url: string | null }>> {
  const result = await runAction(async () => {
    const created = await api.admin.tenants.create(values);
    return { ...created.tenant, delivered: created.delivered, url: created.url };
  });
  revalidatePath("/admin");
  return result;
}

export async function setTenantStatusAction(
  id: string,
  status: "ACTIVE" | "SUSPENDED",
  reason: string,
): Promise<ActionResult<{ id: string; status: "ACTIVE" | "SUSPENDED" }>> {
  const result = await runAction(() => (status === "SUSPENDED" ? api.admin.tenants.suspend({ id, reason }) : api.admin.tenants.reactivate({ id, reason })));
  revalidatePath("/admin");
  revalidatePath(`/admin/tenants/${id}`);
  return result;
}
