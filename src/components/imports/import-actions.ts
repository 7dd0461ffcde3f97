"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { CaseListQueryInput } from "@/lib/validations/case-filters";
import type { SetImportMappingInput } from "@/lib/validations/import";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function setImportMappingAction(slug: string, input: SetImportMappingInput): Promise<ActionResult<{ id: string; status: string }>> {
  const result = await runAction(async () => {
    const updated = await api.imports.setMapping(input);
    return { id: updated.id, status: updated.status };
  });
  revalidatePath(`/t/${slug}/imports`);
  return result;
}

export async function cancelImportAction(slug: string, id: string): Promise<ActionResult<{ status: string }>> {
  const result = await runAction(() => api.imports.cancel({ id }));
  revalidatePath(`/t/${slug}/imports`);
  return result;
}

export async function exportCasesAction(query: CaseListQueryInput): Promise<ActionResult<{ jobId: string; expected: number }>> {
  return runAction(() => api.imports.exportCases(query));
}
