"use server";
// Settings mutations: each calls the procedure scripts call (validation, permission, audit in one place).
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { CreateApiKeyInput } from "@/lib/validations/admin";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

type Role = "OWNER" | "ADMIN" | "AGENT" | "VIEWER";

export async function updateMemberRoleAction(slug: string, userId: string, role: Role): Promise<ActionResult<{ role: Role }>> {
  const result = await runAction(() => api.members.updateRole({ userId, role }));
  revalidatePath(`/t/${slug}/settings/members`);
  return result;
}

export async function removeMemberAction(slug: string, userId: string): Promise<ActionResult<{ apiKeysRevoked: number }>> {
  const result = await runAction(() => api.members.remove({ userId }));
  revalidatePath(`/t/${slug}/settings/members`);
  return result;
}

export async function createApiKeyAction(slug: string, values: CreateApiKeyInput): Promise<ActionResult<{ secret: string; prefix: string }>> {
  const result = await runAction(async () => {
    const { apiKey, secret } = await api.apiKeys.create(values);
    return { secret, prefix: apiKey.prefix };
  });
  revalidatePath(`/t/${slug}/settings/api-keys`);
  return result;
}

export async function revokeApiKeyAction(slug: string, id: string): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async () => ({ id: (await api.apiKeys.revoke({ id })).id }));
  revalidatePath(`/t/${slug}/settings/api-keys`);
  return result;
}
