"use client";
// The imports screen: upload a file, map its columns, follow the import in the list.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { ImportsList } from "./imports-list";
import { MappingForm } from "./mapping-form";
import { UploadForm } from "./upload-form";

export function ImportsWorkspace({ slug, maxBytes }: { slug: string; maxBytes: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mappingId, setMappingId] = useState<string | null>(null);
  const { data: selected } = useQuery({ ...trpc.imports.get.queryOptions({ id: mappingId ?? "" }), enabled: Boolean(mappingId) });
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() });

  return (
    <div className="mt-6 space-y-6">
      <Card>
        <CardHeader>
          <h2 className="text-sm font-semibold text-slate-900">1. Upload a CSV file</h2>
          <p className="mt-0.5 text-xs text-slate-500">UTF-8 text with a header row, up to {Math.round(maxBytes / 1024 / 1024)} MB.</p>
        </CardHeader>
        <CardBody>
          <UploadForm
            slug={slug}
            maxBytes={maxBytes}
            onUploaded={(id) => {
              setMappingId(id);
              void refreshList();
            }}
          />
        </CardBody>
      </Card>
      {selected && selected.status === "UPLOADED" ? (
        <Card>
          <CardHeader>
            <h2 className="text-sm font-semibold text-slate-900">2. Map columns</h2>
          </CardHeader>
          <CardBody>
            <MappingForm
              key={selected.id}
              slug={slug}
              importId={selected.id}
              entity={selected.entity}
              filename={selected.file?.filename ?? "the file"}
              headers={selected.headers}
              suggested={selected.suggestedMapping}
              onStarted={() => {
                setMappingId(null);
                void refreshList();
              }}
            />
          </CardBody>
        </Card>
      ) : null}
      <section>
        <h2 className="text-sm font-semibold text-slate-900">Imports</h2>
        <ImportsList slug={slug} onMap={setMappingId} />
      </section>
    </div>
  );
}
