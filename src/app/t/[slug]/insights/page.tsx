import { redirect } from "next/navigation";

/** Insights open on trending topics, which every member may read. */
export default async function InsightsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/t/${slug}/insights/trending`);
}
