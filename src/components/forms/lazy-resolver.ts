// A form's zod resolver that loads the schema (and with it zod, about 31 kB gzipped) when the
// form is first validated rather than with the page. react-hook-form validates on submit by
// default, so the busiest pages (the case and its composer, the cases list) render and become
// interactive without the validation library; the first send waits for one small local chunk.
// The rules stay the server's own schemas (src/lib/validations), loaded later, not rewritten.
import type { FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/v4/core";
import { loadOnce } from "@/lib/load-once";

export function lazyZodResolver<Schema extends z.$ZodType<FieldValues, FieldValues>>(
  load: () => Promise<Schema>,
): Resolver<z.input<Schema>, unknown, z.output<Schema>> {
  type Loaded = Resolver<z.input<Schema>, unknown, z.output<Schema>>;
  const resolver = loadOnce(() =>
    Promise.all([load(), import("@hookform/resolvers/zod")]).then(([schema, { zodResolver }]) => zodResolver(schema) as unknown as Loaded),
  );
  return async (values, context, options) => (await resolver())(values, context, options);
}
