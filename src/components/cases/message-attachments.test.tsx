import { render, screen, within } from "@testing-library/react";
import { Suspense } from "react";
import { describe, expect, it } from "vitest";
import type { AttachmentView } from "@/lib/validations/attachment";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { CaseTimeline } from "./case-timeline";
import { MessageAttachments, thumbnailSize } from "./message-attachments";

const attachment = (id: string, over: Partial<AttachmentView> = {}): AttachmentView => ({
  id,
  filename: `${id}.pdf`,
  contentType: "application/pdf",
  size: 1536,
  image: false,
  width: null,
  height: null,
  status: "READY",
  ...over,
});

describe("MessageAttachments", () => {
  it("shows a ready image as a thumbnail of known size that opens the full image in a new tab", () => {
    render(<MessageAttachments tenantSlug="acme" attachments={[attachment("img-1", { filename: "screen.png", contentType: "image/png", image: true, width: 1280, height: 720 })]} />);
    const img = screen.getByRole("img", { name: "screen.png" });
    expect(img).toHaveAttribute("src", "/api/attachments/img-1?tenant=acme&variant=thumbnail");
    expect(img).toHaveAttribute("width", "240");
    expect(img).toHaveAttribute("height", "135");
    const link = img.closest("a")!;
    expect(link).toHaveAttribute("href", "/api/attachments/img-1?tenant=acme");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
  });

  it("shows another file as a row with its name, size and a download link", () => {
    render(<MessageAttachments tenantSlug="acme" attachments={[attachment("doc-1", { filename: "report.pdf", size: 3 * 1024 * 1024 })]} />);
    const row = screen.getByRole("listitem");
    expect(row).toHaveTextContent("report.pdf");
    expect(row).toHaveTextContent("3.0 MB");
    expect(within(row).getByRole("link", { name: "Download report.pdf" })).toHaveAttribute("href", "/api/attachments/doc-1?tenant=acme");
    expect(within(row).queryByRole("img")).not.toBeInTheDocument();
  });

  it("links nothing while a file is being checked, or once the scanner refused it", () => {
    render(
      <MessageAttachments
        tenantSlug="acme"
        attachments={[
          attachment("scan-1", { filename: "photo.jpg", contentType: "image/jpeg", image: true, width: 800, height: 600, status: "SCANNING" }),
          attachment("bad-1", { filename: "invoice.pdf", status: "BLOCKED" }),
        ]}
      />,
    );
    const [scanning, blocked] = screen.getAllByRole("listitem") as [HTMLElement, HTMLElement];
    expect(scanning).toHaveTextContent("photo.jpg");
    expect(scanning).toHaveTextContent("Checking for malware…");
    expect(blocked).toHaveTextContent("invoice.pdf");
    expect(blocked).toHaveTextContent("Removed: the malware scanner refused this file");
    // Neither the image nor the file is offered: the server would refuse both.
    expect(screen.queryByRole("link")).not.toBeInTheDocument();
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
  });

  it("renders nothing for a message without files", () => {
    const { container } = render(<MessageAttachments tenantSlug="acme" attachments={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("thumbnailSize", () => {
  it("fits the image within the thumbnail box, keeping its shape and never enlarging it", () => {
    expect(thumbnailSize(1280, 720)).toEqual({ width: 240, height: 135 });
    expect(thumbnailSize(600, 1200)).toEqual({ width: 90, height: 180 });
    expect(thumbnailSize(100, 50)).toEqual({ width: 100, height: 50 });
    expect(thumbnailSize(null, 50)).toBeNull();
  });
});

describe("CaseTimeline with attachments", () => {
  it("shows a message's files under it, through the tenant of the page's address", async () => {
    const caseId = "5d0c4a8e-2f7b-4c1d-9e3a-6b8f0a1c2d3e";
    const trpc = createTestTrpc();
    const message = (id: string, body: string, attachments: AttachmentView[]) => ({
      type: "message" as const,
      id,
      createdAt: new Date("2026-12-01T10:00:00Z"),
      kind: "PUBLIC_REPLY" as const,
      author: { type: "CUSTOMER" as const, id: "c1", name: "Ava" },
      body,
      attachments,
    });
    trpc.queryClient.setQueryData(trpc.trpc.cases.timeline.queryKey({ caseId, limit: 200 }), {
      items: [message("m1", "", [attachment("log-1", { filename: "crash.log", contentType: "text/plain" })]), message("m2", "Thanks!", [])],
      nextCursor: null,
    });
    renderWithTrpc(
      <Suspense>
        <CaseTimeline caseId={caseId} members={[]} />
      </Suspense>,
      trpc,
    );
    const [filesOnly, textOnly] = (await screen.findAllByRole("article")) as [HTMLElement, HTMLElement];
    expect(within(filesOnly).getByRole("link", { name: "Download crash.log" })).toHaveAttribute("href", "/api/attachments/log-1?tenant=acme");
    expect(within(textOnly).queryByRole("list", { name: "Attachments" })).not.toBeInTheDocument();
    expect(await within(textOnly).findByText("Thanks!")).toBeInTheDocument();
  });
});
