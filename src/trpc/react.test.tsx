import { render, screen } from "@testing-library/react";
import { useQueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { tenantSlugFromLocation, TRPCReactProvider, useTRPC } from "./react";

const visit = (path: string) => window.history.pushState({}, "", path);

afterEach(() => {
  visit("/");
});

describe("tenantSlugFromLocation", () => {
  it("reads the tenant from a tenant page's path, decoded", () => {
    visit("/t/acme-eu/cases/12");
    expect(tenantSlugFromLocation()).toBe("acme-eu");
    visit("/t/caf%C3%A9");
    expect(tenantSlugFromLocation()).toBe("café");
  });

  it("is null outside a tenant's pages", () => {
    visit("/admin/tenants");
    expect(tenantSlugFromLocation()).toBeNull();
    visit("/tenants/t/x");
    expect(tenantSlugFromLocation()).toBeNull();
  });
});

describe("TRPCReactProvider", () => {
  it("gives its children one query client and the tRPC hooks", () => {
    const clients: unknown[] = [];
    function Probe() {
      clients.push(useQueryClient());
      const trpc = useTRPC();
      return <p>{JSON.stringify(trpc.tenant.pulse.queryKey())}</p>;
    }
    const { rerender } = render(
      <TRPCReactProvider>
        <Probe />
      </TRPCReactProvider>,
    );
    expect(screen.getByText(/"tenant","pulse"/)).toBeInTheDocument();
    rerender(
      <TRPCReactProvider>
        <Probe />
      </TRPCReactProvider>,
    );
    // The browser keeps one client for the page's life, so the cache survives re-renders.
    expect(clients[0]).toBe(clients.at(-1));
  });
});
