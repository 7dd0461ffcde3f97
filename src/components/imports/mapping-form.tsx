"use client";
// Step two of an import: which column of the file feeds each field. Suggested from the headers;
// required fields are marked and checked with the procedure's own schema and rules.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { IMPORT_FIELDS, mappingErrors, setImportMappingSchema, type ImportEntity, type SetImportMappingInput } from "@/lib/validations/import";
import { setImportMappingAction } from "./import-actions";

interface Props {
  slug: string;
  importId: string;
  entity: ImportEntity;
  filename: string;
  headers: string[];
  suggested: Record<string, string>;
  onStarted: () => void;
}

export function MappingForm({ slug, importId, entity, filename, headers, suggested, onStarted }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<SetImportMappingInput>({
    resolver: zodResolver(setImportMappingSchema),
    defaultValues: { id: importId, mapping: suggested },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    // Unmapped fields are left out, not sent as "".
    const mapping = Object.fromEntries(Object.entries(values.mapping).filter(([, header]) => header));
    const local = mappingErrors(entity, headers, mapping);
    const result = local ? null : await setImportMappingAction(slug, { id: importId, mapping });
    const fieldErrors = local ?? (result && !result.ok ? result.error.fieldErrors : undefined);
    if (fieldErrors) {
      for (const [key, messages] of Object.entries(fieldErrors)) form.setError(`mapping.${key}`, { message: messages[0] });
    }
    if (result && !result.ok) setMessage(result.error.message);
    else if (result?.ok) onStarted();
  });

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Map columns">
      <p className="text-sm text-slate-600">
        Choose the column of <span className="font-medium">{filename}</span> for each field. Fields marked * are required.
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {IMPORT_FIELDS[entity].map((f) => {
          const error = (errors.mapping as Record<string, { message?: string }> | undefined)?.[f.key]?.message;
          return (
            <Field key={f.key} label={`${f.label}${f.required ? " *" : ""}`} htmlFor={`map-${f.key}`} error={error} hint={f.hint}>
              <Select id={`map-${f.key}`} aria-invalid={Boolean(error)} aria-required={f.required} {...form.register(`mapping.${f.key}`)}>
                <option value="">— not imported —</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      {message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {message}
        </p>
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Starting…" : "Start import"}
      </Button>
    </form>
  );
}
