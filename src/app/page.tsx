// "/" sends a signed-in user to their first organisation, everyone else to sign in.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/server/auth/options";
import { resolveSessionUser } from "@/server/auth/session-user";
import { listTenantsOfUser } from "@/server/services/accounts/list-tenants-of-user";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await resolveSessionUser(await getServerSession(authOptions));
  if (!user) redirect("/sign-in");
  const tenants = await listTenantsOfUser(user.id);
  const first = tenants.find((t) => t.status === "ACTIVE") ?? tenants[0];
  if (!first) redirect("/sign-up");
  redirect(`/t/${first.slug}/cases`);
}
