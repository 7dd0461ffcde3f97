/**
 * The widget's own page in preview mode (shown here whatever the allowed websites).
 * `version` changes after each save so the frame loads the saved appearance.
 */
export function WidgetPreview({ publicId, version }: { publicId: string; version: number }) {
  return (
    <iframe
      key={version}
      src={`/widget/${encodeURIComponent(publicId)}?preview=1`}
      title="Chat widget preview"
      loading="lazy"
      className="h-[30rem] w-full rounded-md border border-slate-200 bg-slate-50"
    />
  );
}
