"use server";
// The member's own profile: each action calls the procedure scripts call.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { Profile, UpdateProfileInput } from "@/lib/validations/profile";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function updateProfileAction(slug: string, values: UpdateProfileInput): Promise<ActionResult<Profile>> {
  const result = await runAction(() => api.account.updateProfile(values));
  // Every page of the workspace shows times: all of them read the new zone.
  revalidatePath(`/t/${slug}`, "layout");
  return result;
}
