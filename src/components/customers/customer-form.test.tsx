import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CustomerView } from "@/components/cases/case-types";
import { router } from "@/test/next-navigation";
import { createCustomerAction, updateCustomerAction } from "./customer-actions";
import { CustomerForm } from "./customer-form";

vi.mock("./customer-actions", () => ({ createCustomerAction: vi.fn(), updateCustomerAction: vi.fn() }));

const customer = (over: Record<string, unknown> = {}) =>
  ({
    id: "cust-1",
    name: "Ada Lovelace",
    email: "ada@example.com",
    phone: "+44 20 0000",
    company: "Analytical Ltd",
    externalId: "CRM-1",
    notes: "",
    version: 3,
    piiMasked: false,
    ...over,
  }) as unknown as CustomerView;

beforeEach(() => {
  vi.mocked(createCustomerAction).mockReset();
  vi.mocked(updateCustomerAction).mockReset();
});

describe("CustomerForm", () => {
  it("creates a customer and opens it; Cancel goes back", async () => {
    const user = userEvent.setup();
    vi.mocked(createCustomerAction).mockResolvedValue({ ok: true, data: { id: "new-1" } });
    render(<CustomerForm slug="acme" />);
    await user.click(await screen.findByRole("button", { name: "Create customer" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
    expect(createCustomerAction).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText("Name"), "Grace Hopper");
    await user.type(screen.getByLabelText("Email"), "grace@example.com");
    await user.click(await screen.findByRole("button", { name: "Create customer" }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/t/acme/customers/new-1"));
    expect(vi.mocked(createCustomerAction).mock.calls[0]![1]).toMatchObject({ name: "Grace Hopper", email: "grace@example.com" });
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(router.back).toHaveBeenCalled();
  });

  it("shows the server's refusal when creating", async () => {
    const user = userEvent.setup();
    vi.mocked(createCustomerAction).mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "Taken", fieldErrors: { externalId: ["Another customer has this id"] } } });
    render(<CustomerForm slug="acme" />);
    await user.type(screen.getByLabelText("Name"), "Grace Hopper");
    await user.type(screen.getByLabelText("External id"), "CRM-1");
    await user.click(await screen.findByRole("button", { name: "Create customer" }));
    expect(await screen.findByText("Another customer has this id")).toBeInTheDocument();
    expect(router.push).not.toHaveBeenCalled();
  });

  it("saves changes with the version read, then the new version", async () => {
    const user = userEvent.setup();
    vi.mocked(updateCustomerAction).mockResolvedValueOnce({ ok: true, data: { version: 4 } }).mockResolvedValueOnce({ ok: true, data: { version: 5 } });
    render(<CustomerForm slug="acme" customer={customer()} />);
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Notes"), "VIP");
    await user.click(await screen.findByRole("button", { name: "Save changes" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Saved.");
    expect(updateCustomerAction).toHaveBeenCalledWith("acme", expect.objectContaining({ id: "cust-1", version: 3, notes: "VIP", email: "ada@example.com" }));
    expect(router.refresh).toHaveBeenCalled();
    await user.click(await screen.findByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(updateCustomerAction).toHaveBeenLastCalledWith("acme", expect.objectContaining({ version: 4 })));
  });

  it("shows masked contact details read-only and never sends them back", async () => {
    const user = userEvent.setup();
    vi.mocked(updateCustomerAction).mockResolvedValue({ ok: true, data: { version: 4 } });
    render(<CustomerForm slug="acme" customer={customer({ piiMasked: true, email: "a•••@example.com", phone: "•••" })} stacked />);
    expect(screen.getByLabelText("Email")).toHaveAttribute("readonly");
    expect(screen.getAllByText("Hidden for your role")).toHaveLength(2);
    await user.click(await screen.findByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(updateCustomerAction).toHaveBeenCalled());
    const sent = vi.mocked(updateCustomerAction).mock.calls[0]![1];
    expect(sent).not.toHaveProperty("email");
    expect(sent).not.toHaveProperty("phone");
  });

  it("shows the other person's version after a conflict, and other refusals as they come", async () => {
    const user = userEvent.setup();
    vi.mocked(updateCustomerAction)
      .mockResolvedValueOnce({ ok: false, error: { code: "CONFLICT", message: "Changed" }, current: customer({ name: "Ada King", version: 7 }) })
      .mockResolvedValueOnce({ ok: false, error: { code: "FORBIDDEN", message: "You cannot edit customers." } });
    render(<CustomerForm slug="acme" customer={customer()} />);
    await user.clear(screen.getByLabelText("Name"));
    await user.type(screen.getByLabelText("Name"), "Ada L.");
    await user.click(await screen.findByRole("button", { name: "Save changes" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Someone else changed this customer meanwhile.");
    expect(screen.getByLabelText("Name")).toHaveValue("Ada King");
    await user.click(await screen.findByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("You cannot edit customers.")).toBeInTheDocument();
    expect(updateCustomerAction).toHaveBeenLastCalledWith("acme", expect.objectContaining({ version: 7 }));
  });
});
