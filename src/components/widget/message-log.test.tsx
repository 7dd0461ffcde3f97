import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { WidgetMessage } from "@/lib/validations/chat-widget";
import { MessageLog } from "./message-log";

const messages: WidgetMessage[] = [
  { id: "v1", from: "visitor", authorName: null, body: '<img src=x onerror="alert(1)"><b>bold?</b>', at: "2026-12-01T10:00:00Z" },
  { id: "a1", from: "agent", authorName: "Anna", body: "Line one\nLine two", at: "2026-12-01T10:01:00Z" },
  { id: "v2", from: "visitor", authorName: null, body: "Thanks", at: "2026-12-01T10:02:00Z" },
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
