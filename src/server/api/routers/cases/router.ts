import { createTRPCRouter } from "@/server/api/trpc";
import { createCase } from "./create-case";
import { getCase } from "./get-case";
import { listCases } from "./list-cases";

export const casesRouter = createTRPCRouter({
  list: listCases,
  get: getCase,
  create: createCase,
});
