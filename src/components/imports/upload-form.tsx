"use client";
// Sends the CSV as the raw request body to /api/imports/upload (streamed and checked on the
// server), showing upload progress; XMLHttpRequest because fetch reports no upload progress.
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { IMPORT_ENTITIES, type ImportEntity } from "@/lib/validations/import";

interface Uploaded {
  id: string;
}

function upload(slug: string, entity: ImportEntity, file: File, onProgress: (percent: number) => void): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({ entity, filename: file.name, tenant: slug });
    xhr.open("POST", `/api/imports/upload?${params}`);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total));
    xhr.onload = () => {
      let body: { id?: string; message?: string; requestId?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // Not JSON: a proxy in front answered.
      }
      if (xhr.status === 201 && body.id) resolve({ id: body.id });
      else reject(new Error(body.message ?? `Upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error("The upload did not reach the server"));
    xhr.send(file);
  });
}

export function UploadForm({ slug, maxBytes, onUploaded }: { slug: string; maxBytes: number; onUploaded: (id: string) => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [entity, setEntity] = useState<ImportEntity>("cases");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setError("Choose a CSV file");
    if (file.size > maxBytes) return setError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    setError(null);
    setProgress(0);
    try {
      const { id } = await upload(slug, entity, file, setProgress);
      if (fileRef.current) fileRef.current.value = "";
      onUploaded(id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-[12rem_1fr_auto] sm:items-end" aria-label="Upload a CSV file">
      <Field label="Import" htmlFor="import-entity">
        <Select id="import-entity" value={entity} onChange={(e) => setEntity(e.target.value as ImportEntity)}>
          {IMPORT_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {e === "cases" ? "Cases" : "Customers"}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="CSV file" htmlFor="import-file" error={error ?? undefined}>
        <Input id="import-file" ref={fileRef} type="file" accept=".csv,text/csv" aria-invalid={Boolean(error)} />
      </Field>
      <Button type="submit" disabled={progress !== null}>
        {progress !== null ? `Uploading ${progress}%` : "Upload"}
      </Button>
      {progress !== null ? (
        <div className="h-1.5 overflow-hidden rounded-full bg-slate-100 sm:col-span-3" role="progressbar" aria-valuenow={progress} aria-label="Upload progress">
          <div className="h-full rounded-full bg-brand-500 transition-all" style={{ width: `${progress}%` }} />
        </div>
      ) : null}
    </form>
  );
}
