"use server";
// Team mutations: each calls the procedure scripts call (validation, permission, audit in one place).
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { CreateTeamInput, UpdateTeamInput } from "@/lib/validations/team";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

const done = <T>(slug: string, result: ActionResult<T>) => {
  revalidatePath(`/t/${slug}/settings/teams`);
  return result;
};

export async function createTeamAction(slug: string, values: CreateTeamInput): Promise<ActionResult<{ id: string }>> {
  return done(slug, await runAction(async () => ({ id: (await api.teams.create(values)).id })));
}

/** Settings and members together, as the form edits them; members are only sent when they changed. */
export async function updateTeamAction(slug: string, values: UpdateTeamInput & { memberIds?: string[] }): Promise<ActionResult<{ id: string }>> {
  const { memberIds, ...settings } = values;
  return done(
    slug,
    await runAction(async () => {
      await api.teams.update(settings);
      if (memberIds) await api.teams.setMembers({ id: values.id, userIds: memberIds });
      return { id: values.id };
    }),
  );
}

export async function deleteTeamAction(slug: string, id: string): Promise<ActionResult<{ id: string }>> {
  return done(slug, await runAction(() => api.teams.delete({ id })));
}

export async function setTeamAvailabilityAction(slug: string, id: string, userId: string, available: boolean): Promise<ActionResult<{ available: boolean }>> {
  return done(
    slug,
    await runAction(async () => {
      const team = await api.teams.setAvailability({ id, userId, available });
      return { available: team.members.find((m) => m.id === userId)?.available ?? available };
    }),
  );
}
