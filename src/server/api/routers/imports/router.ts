import { createTRPCRouter } from "@/server/api/trpc";
import { cancelImport } from "./cancel-import";
import { exportCasesProcedure } from "./export-cases";
import { getImport } from "./get-import";
import { listExports } from "./list-exports";
import { listImports } from "./list-imports";
import { setImportMapping } from "./set-import-mapping";

export const importsRouter = createTRPCRouter({
  list: listImports,
  get: getImport,
  setMapping: setImportMapping,
  cancel: cancelImport,
  exportCases: exportCasesProcedure,
  exports: listExports,
});
