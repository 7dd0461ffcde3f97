import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { MAX_VISITOR_MESSAGE } from "@/lib/validations/chat-widget";
import { Composer } from "./composer";
import type { TypingSignal } from "./typing";
import { toWidgetApiError } from "./widget-api";

function setup(props: Partial<React.ComponentProps<typeof Composer>> = {}) {
  const onSend = vi.fn<(input: { body: string; email?: string }) => Promise<unknown>>(async () => ({}));
  const typing: TypingSignal = { input: vi.fn(), stop: vi.fn() };
  render(<Composer color="#4f46e5" needsEmail={false} onSend={onSend} typing={typing} {...props} />);
  return { onSend, typing, user: userEvent.setup(), box: screen.getByRole("textbox", { name: "Message" }) };
}

describe("Composer", () => {
  it("Enter sends (trimmed), Shift+Enter starts a new line; the box empties after sending", async () => {
    const { onSend, typing, user, box } = setup();
    await user.type(box, "  Hello{Shift>}{Enter}{/Shift}there ");
    expect(onSend).not.toHaveBeenCalled();
    expect(box).toHaveValue("  Hello\nthere ");
    expect(typing.input).toHaveBeenCalledWith(false);
    await user.keyboard("{Enter}");
    expect(onSend).toHaveBeenCalledWith({ body: "Hello\nthere" });
    expect(typing.stop).toHaveBeenCalled();
    expect(box).toHaveValue("");
  });

  it("while sending: the box keeps its text and focus but cannot change, and nothing more is sent", async () => {
    const { onSend, user, box } = setup();
    let finish: () => void = () => {};
    onSend.mockReturnValueOnce(new Promise<void>((resolve) => (finish = resolve)));
    await user.type(box, "Hello{Enter}");
    expect(screen.getByRole("button", { name: "Sending…" })).toBeDisabled();
    expect(box).toHaveAttribute("readonly");
    expect(box).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(onSend).toHaveBeenCalledOnce();
    await act(async () => finish());
    expect(box).toHaveValue("");
    expect(box).not.toHaveAttribute("readonly");
  });

  it("an empty message is not sent", async () => {
    const { onSend, user, box } = setup();
    await user.type(box, "   {Enter}");
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
  });

  it("a failed send keeps the text and shows the server's message", async () => {
    const { onSend, user, box } = setup();
    onSend.mockRejectedValueOnce(toWidgetApiError(429, { code: "TOO_MANY_REQUESTS", message: "You are sending too fast", requestId: "r" }));
    await user.type(box, "Hello{Enter}");
    expect(box).toHaveValue("Hello");
    expect(screen.getByRole("alert")).toHaveTextContent("You are sending too fast");
  });

  it("outside business hours, the first send asks for an e-mail address and sends it with the message", async () => {
    const { onSend, user, box } = setup({ needsEmail: true });
    await user.type(box, "Where is my order?{Enter}");
    expect(onSend).not.toHaveBeenCalled();
    const email = screen.getByLabelText("Your e-mail");
    expect(email).toHaveFocus();
    expect(screen.getByText(/We'll reply by e-mail/)).toBeInTheDocument();

    await user.type(email, "not-an-address{Enter}");
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Enter your e-mail address so we can reply");

    await user.clear(email);
    await user.type(email, "ada@example.com{Enter}");
    expect(onSend).toHaveBeenCalledWith({ body: "Where is my order?", email: "ada@example.com" });
  });

  it("counts characters near the limit and refuses more than the limit", async () => {
    const { onSend, user, box } = setup();
    await user.click(box);
    await user.paste("x".repeat(MAX_VISITOR_MESSAGE - 100));
    expect(screen.getByText(`${(MAX_VISITOR_MESSAGE - 100).toLocaleString("en")} / 5,000`)).toBeInTheDocument();
    await user.paste("x".repeat(101));
    expect(screen.getByRole("alert")).toHaveTextContent("Shorten your message to 5,000 characters");
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
    await user.keyboard("{Enter}");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("preview: nothing to write in, and says why", () => {
    render(<Composer color="#4f46e5" needsEmail={false} disabledNote="Preview: visitors write here." />);
    expect(screen.getByRole("textbox", { name: "Message" })).toBeDisabled();
    expect(screen.getByText("Preview: visitors write here.")).toBeInTheDocument();
  });
});
