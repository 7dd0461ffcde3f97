"use server";
// The alerts page's changes, through the same procedures as the API (alerts:manage).
import type { ActionResult } from "@/lib/action-result";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

type Result = ActionResult<{ id: string; status: string }>;

export async function acknowledgeAlertAction(input: { id: string; version: number }): Promise<Result> {
  return runAction(async () => {
    const a = await api.alerts.acknowledge(input);
    return { id: a.id, status: a.status };
  });
}

export async function resolveAlertAction(input: { id: string; version: number; note?: string }): Promise<Result> {
  return runAction(async () => {
    const a = await api.alerts.resolve(input);
    return { id: a.id, status: a.status };
  });
}

export async function reopenAlertAction(input: { id: string; version: number }): Promise<Result> {
  return runAction(async () => {
    const a = await api.alerts.reopen(input);
    return { id: a.id, status: a.status };
  });
}

export async function assignAlertToMeAction(input: { id: string; version: number }): Promise<Result> {
  return runAction(async () => {
    const a = await api.alerts.assign({ ...input, assigneeId: "me" });
    return { id: a.id, status: a.status };
  });
}

/** A member, or a team (its members are told), or nobody. */
export async function assignAlertAction(input: { id: string; version: number; assigneeId: string | null; teamId: string | null }): Promise<Result> {
  return runAction(async () => {
    const a = await api.alerts.assign(input);
    return { id: a.id, status: a.status };
  });
}
