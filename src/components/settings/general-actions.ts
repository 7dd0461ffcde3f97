"use server";
// General settings and the danger zone: each action calls the procedure scripts call, so
// validation, permission and audit live in one place.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import type { RenameChoiceInput, TenantSettings, UpdateTenantInput, UpdateTenantSettingsInput } from "@/lib/validations/tenant-settings";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function updateTenantAction(slug: string, values: UpdateTenantInput): Promise<ActionResult<{ slug: string; name: string }>> {
  const result = await runAction(async () => {
    const { slug: newSlug, name } = await api.tenant.update(values);
    return { slug: newSlug, name };
  });
  if (result.ok && result.data.slug !== slug) {
    // The page's own address changed: continue under the new one (the old one now redirects).
    revalidatePath("/", "layout");
    redirect(`/t/${result.data.slug}/settings/general?renamed=1`);
  }
  revalidatePath(`/t/${slug}`, "layout");
  return result;
}

/** Saves the settings given; the rest stay as they are. */
export async function updateTenantSettingsAction(slug: string, values: UpdateTenantSettingsInput): Promise<ActionResult<TenantSettings>> {
  const result = await runAction(() => api.tenant.updateSettings(values));
  revalidatePath(`/t/${slug}`, "layout");
  return result;
}

/** Renames a category or business unit on the settings and everything that carries it. */
export async function renameChoiceAction(slug: string, input: RenameChoiceInput): Promise<ActionResult<{ settings: TenantSettings; cases: number }>> {
  const result = await runAction(() => api.tenant.renameChoice(input));
  revalidatePath(`/t/${slug}`, "layout");
  return result;
}

export async function scheduleDeletionAction(slug: string, confirmSlug: string): Promise<ActionResult<{ deletionScheduledFor: Date }>> {
  const result = await runAction(() => api.tenant.scheduleDeletion({ confirmSlug }));
  if (result.ok) {
    revalidatePath(`/t/${slug}`, "layout");
    redirect(`/t/${slug}`);
  }
  return result;
}

export async function cancelDeletionAction(slug: string): Promise<ActionResult<{ deletionScheduledFor: null }>> {
  const result = await runAction(() => api.tenant.cancelDeletion());
  revalidatePath(`/t/${slug}`, "layout");
  return result;
}
