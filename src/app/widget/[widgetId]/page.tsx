// The chat page a website's embed script (public/widget.js) shows in its iframe, and that the
// widget settings preview with ?preview=1. Visitors are not members: no app chrome (the root
// layout adds none, only the theme, which follows the visitor's light or dark preference), and
// everything after the first paint goes through the public widget API from the browser.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WidgetChat } from "@/components/widget/widget-chat";
import { widgetIdSchema } from "@/lib/validations/chat-widget";

export const metadata: Metadata = {
  title: "Chat",
  // A chat page per widget is nothing a search engine should list; the host page's address is nothing this page should pass on.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function WidgetPage({
  params,
  searchParams,
}: {
  params: Promise<{ widgetId: string }>;
  searchParams: Promise<{ preview?: string | string[] }>;
}) {
  const [{ widgetId }, { preview }] = await Promise.all([params, searchParams]);
  if (!widgetIdSchema.safeParse(widgetId).success) notFound();
  return <WidgetChat widgetId={widgetId} preview={preview === "1"} />;
}
