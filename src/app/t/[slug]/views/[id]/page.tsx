// A saved view's link, as a share in the inbox gives it: the cases list with the view's filters.
// The view is read as the member (views.get), so only a view they see, or one shared with them,
// opens; anything else is the not-found page.
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { viewHref } from "@/components/cases/saved-views";
import { api } from "@/trpc/server";
import { orNotFound } from "../../_components/load-tenant";

export default async function SavedViewLink({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const view = await orNotFound(() => api.views.get({ id }));
  redirect(viewHref(`/t/${slug}/cases`, view.filters));
}
