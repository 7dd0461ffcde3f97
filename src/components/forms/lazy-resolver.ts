// A form's zod resolver that loads the schema (and with it zod, about 31 kB gzipped) when the
// form is first validated rather than with the page. react-hook-form validates on submit by
// default, so the busiest pages (the case and its composer, the cases list) render and become
// interactive without the validation library; the first send waits for one small local chunk.
// The rules stay the server's own schemas (src/lib/validations), loaded later, not rewritten.
import type { FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/v4/core";

export function lazyZodResolver<Schema extends z.$ZodType<FieldValues, FieldValues>>(
  load: () => Promise<Schema>,
): Resolver<z.input<Schema>, unknown, z.output<Schema>> {
  type Loaded = Resolver<z.input<Schema>, unknown, z.output<Schema>>;
  let loading: Promise<Loaded> | undefined;
  return async (values, context, options) => {
    loading ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(([schema, { zodResolver }]) => zodResolver(schema) as unknown as Loaded);
    // A chunk that failed to load (the network dropped) is fetched again on the next try.
    loading.catch(() => (loading = undefined));
    return (await loading)(values, context, options);
  };
}
