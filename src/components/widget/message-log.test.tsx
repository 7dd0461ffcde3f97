import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { WidgetMessage } from "@/lib/validations/chat-widget";
import { MessageLog } from "./message-log";
import { widgetAttachment } from "./upload-test-kit";

const messages: WidgetMessage[] = [
  { id: "v1", from: "visitor", authorName: null, body: '<img src=x onerror="alert(1)"><b>bold?</b>', at: "2026-12-01T10:00:00Z", attachments: [] },
  { id: "a1", from: "agent", authorName: "Anna", body: "Line one\nLine two", at: "2026-12-01T10:01:00Z", attachments: [] },
  { id: "v2", from: "visitor", authorName: null, body: "Thanks", at: "2026-12-01T10:02:00Z", attachments: [] },
];

describe("MessageLog", () => {
  it("shows bodies as text, never as HTML, with their line breaks", () => {
    const { container } = render(<MessageLog messages={messages} color="#4f46e5" seenId={null} agentsTyping={[]} />);
    expect(container.querySelector("img, b")).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)"><b>bold?</b>')).toBeInTheDocument();
    const multiline = screen.getByText(/Line one/);
    expect(multiline.textContent).toBe("Line one\nLine two");
    expect(multiline).toHaveClass("whitespace-pre-wrap");
  });

  it("names agents, marks the visitor's messages for screen readers, and is a live log", () => {
    render(<MessageLog messages={messages} color="#4f46e5" seenId={null} agentsTyping={[]} />);
    const log = screen.getByRole("log", { name: "Conversation" });
    expect(log).toHaveAttribute("aria-live", "polite");
    expect(screen.getByText("Anna")).toBeInTheDocument();
    expect(screen.getAllByText("You:")).toHaveLength(2);
  });

  it("'Seen' under the message it is given, and who is typing", () => {
    render(<MessageLog messages={messages} color="#4f46e5" seenId="v2" agentsTyping={["Anna"]} />);
    expect(screen.getAllByText(/Seen/)).toHaveLength(1);
    expect(screen.getByText("Thanks").parentElement).toHaveTextContent("Seen");
    expect(screen.getByText("Anna is typing…")).toBeInTheDocument();
  });
});

describe("MessageLog: a message's files", () => {
  const photo = widgetAttachment({
    id: "7b0d6f64-4c57-4a8e-9a51-2d0c1c1c00a1",
    filename: "parcel.jpg",
    contentType: "image/jpeg",
    image: true,
    width: 1600,
    height: 1200,
    url: "/api/widget/v1/w/attachments/a1?v=v&exp=1&sig=file",
    thumbnailUrl: "/api/widget/v1/w/attachments/a1?variant=thumbnail&v=v&exp=1&sig=thumb",
  });
  const invoice = widgetAttachment({ id: "7b0d6f64-4c57-4a8e-9a51-2d0c1c1c00a2", filename: "invoice.pdf", size: 52_000 });
  const withFiles = (attachments: WidgetMessage["attachments"], body = ""): WidgetMessage[] => [
    { id: "v1", from: "visitor", authorName: null, body, at: "2026-12-01T10:00:00Z", attachments },
  ];

  it("an image is a thumbnail named by its file, opening the full image in a new tab", () => {
    render(<MessageLog messages={withFiles([photo])} color="#4f46e5" seenId={null} agentsTyping={[]} />);
    const image = screen.getByRole("img", { name: "parcel.jpg" });
    expect(image).toHaveAttribute("src", photo.thumbnailUrl);
    // Fitted into its box from the known size, so the log does not jump when it loads.
    expect(image).toHaveAttribute("width", "192");
    expect(image).toHaveAttribute("height", "144");
    const link = image.closest("a")!;
    expect(link).toHaveAttribute("href", photo.url);
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
  });

  it("another file is a row with its name, size and a download link", () => {
    render(<MessageLog messages={withFiles([invoice], "Here it is")} color="#4f46e5" seenId={null} agentsTyping={[]} />);
    const files = screen.getByRole("list", { name: "Files" });
    expect(within(files).getByText("invoice.pdf")).toBeInTheDocument();
    expect(within(files).getByText("51 KB")).toBeInTheDocument();
    const download = within(files).getByRole("link", { name: "Download invoice.pdf" });
    expect(download).toHaveAttribute("href", invoice.url);
    expect(download).toHaveAttribute("rel", "noopener noreferrer");
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("a file being checked has no link yet; a blocked one says it was removed", () => {
    const scanning = widgetAttachment({ id: "s", filename: "scan.pdf", status: "SCANNING", url: null });
    const blocked = widgetAttachment({ id: "b", filename: "trojan.pdf", status: "BLOCKED", url: null });
    const blockedImage = { ...photo, id: "bi", filename: "bad.png", status: "BLOCKED" as const, url: null, thumbnailUrl: null };
    render(<MessageLog messages={withFiles([scanning, blocked, blockedImage])} color="#4f46e5" seenId={null} agentsTyping={[]} />);
    const [first, second, third] = within(screen.getByRole("list", { name: "Files" })).getAllByRole("listitem");
    expect(first).toHaveTextContent("scan.pdf");
    expect(first).toHaveTextContent("Checking the file…");
    expect(second).toHaveTextContent("trojan.pdf");
    expect(second).toHaveTextContent("File removed");
    expect(third).toHaveTextContent("File removed");
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("a thumbnail that no longer loads (its link expired) falls back to the file's row", () => {
    render(<MessageLog messages={withFiles([photo])} color="#4f46e5" seenId={null} agentsTyping={[]} />);
    fireEvent.error(screen.getByRole("img", { name: "parcel.jpg" }));
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByText("parcel.jpg")).toBeInTheDocument();
  });

  it("a message of files alone has no empty bubble, and is still the visitor's for screen readers", () => {
    const { container } = render(<MessageLog messages={withFiles([invoice])} color="#4f46e5" seenId={null} agentsTyping={[]} />);
    expect(container.querySelector("p.whitespace-pre-wrap")).toBeNull();
    expect(screen.getByText("You:")).toBeInTheDocument();
  });

  it("file names are text, never HTML", () => {
    const hostile = widgetAttachment({ id: "h", filename: '<img src=x onerror="alert(1)">.pdf' });
    const { container } = render(<MessageLog messages={withFiles([hostile])} color="#4f46e5" seenId={null} agentsTyping={[]} />);
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)">.pdf')).toBeInTheDocument();
  });
});
