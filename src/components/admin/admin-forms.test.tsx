import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTenantAction, setTenantStatusAction } from "./admin-actions";
import { CreateTenantForm } from "./create-tenant-form";
import { TenantStatusControl } from "./tenant-status-control";

vi.mock("./admin-actions", () => ({ createTenantAction: vi.fn(), setTenantStatusAction: vi.fn() }));

beforeEach(() => {
  vi.mocked(createTenantAction).mockReset();
  vi.mocked(setTenantStatusAction).mockReset();
});

describe("TenantStatusControl", () => {
  it("suspends a tenant after asking why", async () => {
    const user = userEvent.setup();
    vi.mocked(setTenantStatusAction).mockResolvedValue({ ok: true, data: undefined } as never);
    render(<TenantStatusControl id="t-1" name="Acme" status="ACTIVE" />);
    await user.click(await screen.findByRole("button", { name: "Suspend tenant…" }));
    expect(screen.getByText(/Every member and API key of Acme is refused/)).toBeInTheDocument();
    await user.type(screen.getByLabelText("Reason"), "Unpaid invoices");
    await user.click(await screen.findByRole("button", { name: "Suspend Acme" }));
    expect(setTenantStatusAction).toHaveBeenCalledWith("t-1", "SUSPENDED", "Unpaid invoices");
    expect(await screen.findByRole("button", { name: "Suspend tenant…" })).toBeInTheDocument();
  });

  it("reactivates, showing the reason's error beside it, and can be cancelled", async () => {
    const user = userEvent.setup();
    vi.mocked(setTenantStatusAction)
      .mockResolvedValueOnce({ ok: false, error: { code: "VALIDATION", message: "Invalid", fieldErrors: { reason: ["Say why"] } } })
      .mockResolvedValueOnce({ ok: false, error: { code: "FORBIDDEN", message: "Platform admins only." } });
    render(<TenantStatusControl id="t-1" name="Acme" status="SUSPENDED" />);
    await user.click(await screen.findByRole("button", { name: "Reactivate tenant…" }));
    expect(screen.getByText("Members and API keys of Acme can work again at once.")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Reactivate Acme" }));
    expect(setTenantStatusAction).toHaveBeenCalledWith("t-1", "ACTIVE", "");
    expect(await screen.findByRole("alert")).toHaveTextContent("Say why");
    expect(screen.getByLabelText("Reason")).toHaveAttribute("aria-invalid", "true");
    await user.click(await screen.findByRole("button", { name: "Reactivate Acme" }));
    expect(await screen.findByText("Platform admins only.")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("button", { name: "Reactivate tenant…" })).toBeInTheDocument();
  });
});

describe("CreateTenantForm", () => {
  it("suggests the address from the name until the address is edited", async () => {
    const user = userEvent.setup();
    render(<CreateTenantForm />);
    await user.type(screen.getByLabelText("Organisation name"), "Acme Widgets");
    expect(screen.getByLabelText("Address")).toHaveValue("acme-widgets");
    await user.clear(screen.getByLabelText("Address"));
    await user.type(screen.getByLabelText("Address"), "widgets");
    await user.type(screen.getByLabelText("Organisation name"), " EU");
    expect(screen.getByLabelText("Address")).toHaveValue("widgets");
  });

  it("creates a tenant and says the owner was mailed; then another can be created", async () => {
    const user = userEvent.setup();
    vi.mocked(createTenantAction).mockResolvedValue({ ok: true, data: { id: "t-9", slug: "acme", name: "Acme", delivered: true, url: null } });
    render(<CreateTenantForm />);
    await user.type(screen.getByLabelText("Organisation name"), "Acme");
    await user.type(screen.getByLabelText("First owner's email"), "owner@example.com");
    await user.click(await screen.findByRole("button", { name: "Create tenant" }));
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("Acme was created at /t/acme.");
    expect(status).toHaveTextContent("An invitation to become its owner was mailed to owner@example.com.");
    expect(screen.getByRole("link", { name: "Open tenant" })).toHaveAttribute("href", "/admin/tenants/t-9");
    expect(createTenantAction).toHaveBeenCalledWith({ name: "Acme", slug: "acme", ownerEmail: "owner@example.com" });
    await user.click(await screen.findByRole("button", { name: "Create another" }));
    expect(screen.getByLabelText("Organisation name")).toHaveValue("");
  });

  it("shows the invitation link to pass on when no mail could be sent", async () => {
    const user = userEvent.setup();
    vi.mocked(createTenantAction).mockResolvedValue({ ok: true, data: { id: "t-9", slug: "acme", name: "Acme", delivered: false, url: "https://x/invite/abc" } });
    render(<CreateTenantForm />);
    await user.type(screen.getByLabelText("Organisation name"), "Acme");
    await user.type(screen.getByLabelText("First owner's email"), "owner@example.com");
    await user.click(await screen.findByRole("button", { name: "Create tenant" }));
    expect(await screen.findByTestId("invitation-url")).toHaveTextContent("https://x/invite/abc");
    await user.click(await screen.findByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe("https://x/invite/abc");
  });

  it("checks the fields and shows the server's refusal", async () => {
    const user = userEvent.setup();
    vi.mocked(createTenantAction).mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "Taken", fieldErrors: { slug: ["That address is taken"] } } });
    render(<CreateTenantForm />);
    await user.click(await screen.findByRole("button", { name: "Create tenant" }));
    await waitFor(() => expect(screen.getAllByRole("alert").length).toBeGreaterThan(0));
    expect(createTenantAction).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText("Organisation name"), "Acme");
    await user.type(screen.getByLabelText("First owner's email"), "owner@example.com");
    await user.click(await screen.findByRole("button", { name: "Create tenant" }));
    expect(await screen.findByText("That address is taken")).toBeInTheDocument();
  });
});
