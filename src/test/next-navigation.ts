// next/navigation for component tests (mocked for every file of the "components" project in
// src/test/components-setup.ts): the App Router is not mounted in a DOM test, so its hooks read
// and record here. Tests set the path with `navigation.pathname = …` and assert on `router.push`.
import { vi } from "vitest";

export const router = {
  push: vi.fn<(href: string) => void>(),
  replace: vi.fn<(href: string) => void>(),
  refresh: vi.fn<() => void>(),
  back: vi.fn<() => void>(),
  forward: vi.fn<() => void>(),
  prefetch: vi.fn<(href: string) => void>(),
};

export const navigation = {
  pathname: "/t/acme",
  searchParams: new URLSearchParams(),
  params: { slug: "acme" } as Record<string, string>,
};

export function resetNavigation() {
  for (const fn of Object.values(router)) fn.mockReset();
  navigation.pathname = "/t/acme";
  navigation.searchParams = new URLSearchParams();
  navigation.params = { slug: "acme" };
}

export const nextNavigationMock = {
  useRouter: () => router,
  usePathname: () => navigation.pathname,
  useSearchParams: () => navigation.searchParams,
  useParams: () => navigation.params,
  redirect: (href: string) => {
    throw new Error(`redirect ${href}`);
  },
  notFound: () => {
    throw new Error("notFound");
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
};
