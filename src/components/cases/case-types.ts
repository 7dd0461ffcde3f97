// Shapes the case screens render, taken from the procedures' outputs so they never drift.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type CaseDetail = Outputs["cases"]["get"];
export type CaseSummary = Outputs["cases"]["list"]["items"][number];
export type TimelineItem = Outputs["cases"]["timeline"]["items"][number];
export type Member = Outputs["members"]["list"][number];
export type BulkUpdateInput = Inputs["cases"]["bulkUpdate"];
export type BulkUpdateOutput = Outputs["cases"]["bulkUpdate"];
export type Macro = Outputs["macros"]["list"][number];
export type RunMacroInput = Inputs["macros"]["run"];
export type RunMacroOutput = Outputs["macros"]["run"];
export type CustomerView = Outputs["customers"]["get"];
