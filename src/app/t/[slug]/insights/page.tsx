import { redirect } from "next/navigation";

/** Insights has one report so far: search. */
export default async function InsightsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/t/${slug}/insights/search`);
}
