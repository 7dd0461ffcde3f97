// Decides "no such case" before anything streams. loading.tsx wraps the page in a Suspense
// boundary, so the 200 status is sent before the page runs and a notFound() there renders the
// not-found page with status 200. A layout renders outside that boundary: its notFound() is a 404.
import { loadCaseByNumber } from "./load-case";

export default async function CaseLayout({ children, params }: { children: React.ReactNode; params: Promise<{ number: string }> }) {
  await loadCaseByNumber((await params).number);
  return children;
}
