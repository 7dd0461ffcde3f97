import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AlertCount } from "@/components/alerts/alert-count";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { InboxCount } from "./inbox-count";

afterEach(() => {
  document.title = "";
});

describe("InboxCount", () => {
  it("shows the unread count in the sidebar and ahead of the tab's title, and takes it away again", async () => {
    document.head.innerHTML = "<title>Cases · Caseboard</title>";
    const { unmount, calls } = renderWithTrpc(<InboxCount />, createTestTrpc({ "notifications.list": () => ({ items: [], unreadCount: 12 }) }));
    expect(await screen.findByLabelText("12 unread")).toHaveTextContent("9+");
    expect(document.title).toBe("(12) Cases · Caseboard");
    // The bell's query: one request serves both.
    expect(calls[0]!.input).toEqual({ limit: 10 });
    // Next sets a new title on navigation; the count goes back in front of it.
    document.title = "Alerts · Caseboard";
    await waitFor(() => expect(document.title).toBe("(12) Alerts · Caseboard"));
    unmount();
    expect(document.title).toBe("Alerts · Caseboard");
  });

  it("shows nothing when all is read", async () => {
    const { container, queryClient } = renderWithTrpc(<InboxCount />, createTestTrpc({ "notifications.list": () => ({ items: [], unreadCount: 0 }) }));
    await waitFor(() => expect(queryClient.getQueryCache().getAll()[0]?.state.status).toBe("success"));
    expect(container).toBeEmptyDOMElement();
  });
});

describe("AlertCount", () => {
  it("counts active alerts, red with the critical ones named", async () => {
    renderWithTrpc(<AlertCount />, createTestTrpc({ "alerts.count": () => ({ activeBySeverity: { INFO: 1, WARNING: 2, CRITICAL: 1 } }) }));
    const badge = await screen.findByLabelText("4 active alerts, 1 critical");
    expect(badge).toHaveTextContent("4");
    expect(badge).toHaveClass("bg-red-600");
  });

  it("is amber without critical alerts, caps at 99+, and is absent with none", async () => {
    renderWithTrpc(<AlertCount />, createTestTrpc({ "alerts.count": () => ({ activeBySeverity: { INFO: 100, WARNING: 0, CRITICAL: 0 } }) }));
    const badge = await screen.findByLabelText("100 active alerts");
    expect(badge).toHaveTextContent("99+");
    expect(badge).toHaveClass("bg-amber-100");

    const none = renderWithTrpc(<AlertCount />, createTestTrpc({ "alerts.count": () => ({ activeBySeverity: { INFO: 0, WARNING: 0, CRITICAL: 0 } }) }));
    await waitFor(() => expect(none.queryClient.getQueryCache().getAll()[0]?.state.status).toBe("success"));
    expect(none.container).toBeEmptyDOMElement();
  });
});
