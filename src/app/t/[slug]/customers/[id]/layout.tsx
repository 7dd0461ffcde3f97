// Decides "no such customer" before anything streams. loading.tsx wraps the page in a Suspense
// boundary, so the 200 status is sent before the page runs and a notFound() there renders the
// not-found page with status 200. A layout renders outside that boundary: its notFound() is a 404.
import { loadCustomer } from "./load-customer";

export default async function CustomerLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await loadCustomer((await params).id);
  return children;
}
