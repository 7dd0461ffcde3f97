import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { MAX_ATTACHMENTS_PER_MESSAGE, type WidgetAttachmentView } from "@/lib/validations/attachment";
import { MAX_VISITOR_MESSAGE } from "@/lib/validations/chat-widget";
import { Composer, type ComposerInput } from "./composer";
import type { TypingSignal } from "./typing";
import { useAttachmentUploads } from "./use-attachment-uploads";
import { widgetAttachment } from "./upload-test-kit";
import { toWidgetApiError, type UploadHandle } from "./widget-api";

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

describe("Composer: files", () => {
  /** The visitor API's upload, answered by the test: each call's file, progress callback and settlers. */
  function stubUploads() {
    const started: { file: File; abort: ReturnType<typeof vi.fn>; resolve: (a: WidgetAttachmentView) => void; reject: (e: unknown) => void }[] = [];
    const upload = (file: File): UploadHandle<WidgetAttachmentView> => {
      let resolve!: (a: WidgetAttachmentView) => void;
      let reject!: (e: unknown) => void;
      const done = new Promise<WidgetAttachmentView>((res, rej) => ((resolve = res), (reject = rej)));
      const abort = vi.fn();
      started.push({ file, abort, resolve, reject });
      return { done, abort };
    };
    return { started, upload };
  }

  function WithUploads({ upload, onSend }: { upload: (file: File) => UploadHandle<WidgetAttachmentView>; onSend: (input: ComposerInput) => Promise<unknown> }) {
    const uploads = useAttachmentUploads({ upload });
    return <Composer color="#4f46e5" needsEmail={false} onSend={onSend} uploads={uploads} />;
  }

  function setupWithUploads() {
    const stub = stubUploads();
    const onSend = vi.fn<(input: ComposerInput) => Promise<unknown>>(async () => ({}));
    const view = render(<WithUploads upload={stub.upload} onSend={onSend} />);
    const picker = view.container.querySelector<HTMLInputElement>('input[type="file"]')!;
    return { ...stub, onSend, view, picker, user: userEvent.setup(), box: screen.getByRole("textbox", { name: "Message" }) };
  }

  const png = (name = "image.png") => new File([new Uint8Array(10)], name, { type: "image/png" });

  it("a pasted screenshot, or an image copied from a web page, is attached", () => {
    const { started, box } = setupWithUploads();
    fireEvent.paste(box, { clipboardData: { types: ["Files"], files: [png()] } });
    fireEvent.paste(box, { clipboardData: { types: ["text/html", "Files"], files: [png("copied.png")] } });
    expect(started.map((s) => s.file.name)).toEqual(["image.png", "copied.png"]);
    expect(within(screen.getByRole("list", { name: "Files to send" })).getByText("image.png")).toBeInTheDocument();
  });

  it("rich content copied from an office program pastes as its text, not as a picture of it", () => {
    const { started, box } = setupWithUploads();
    fireEvent.paste(box, { clipboardData: { types: ["text/plain", "text/html", "Files"], files: [png()] } });
    expect(started).toHaveLength(0);
    expect(screen.queryByRole("list", { name: "Files to send" })).toBeNull();
  });

  it(`takes at most ${MAX_ATTACHMENTS_PER_MESSAGE} files and says so; a refused file does not count`, async () => {
    const { started, picker, user } = setupWithUploads();
    await user.upload(picker, Array.from({ length: MAX_ATTACHMENTS_PER_MESSAGE + 2 }, (_, i) => png(`shot-${i}.png`)));
    expect(started).toHaveLength(MAX_ATTACHMENTS_PER_MESSAGE);
    expect(screen.getByRole("alert")).toHaveTextContent(`Attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files to one message`);

    await act(async () => started[0]!.reject(toWidgetApiError(413, { code: "PAYLOAD_TOO_LARGE", message: "Files can be at most 10 MB", requestId: "r" })));
    expect(screen.getByText("Files can be at most 10 MB")).toBeInTheDocument();
    await user.upload(picker, [png("one-more.png")]);
    expect(started.map((s) => s.file.name).at(-1)).toBe("one-more.png");
    expect(screen.getByRole("alert")).toHaveTextContent(/^$/);
  });

  it("text and files go together; a failed send keeps both", async () => {
    const { started, picker, onSend, user, box } = setupWithUploads();
    await user.upload(picker, [png("a.png")]);
    await user.type(box, "See the screenshot");
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
    const kept = widgetAttachment({ id: "id-a", filename: "a.png" });
    await act(async () => started[0]!.resolve(kept));

    onSend.mockRejectedValueOnce(toWidgetApiError(400, { code: "BAD_REQUEST", message: "Invalid", details: { fieldErrors: { attachmentIds: ["A file is attached twice"] } }, requestId: "r" }));
    await user.keyboard("{Enter}");
    expect(onSend).toHaveBeenLastCalledWith({ body: "See the screenshot", attachmentIds: ["id-a"] });
    expect(screen.getByRole("alert")).toHaveTextContent("A file is attached twice");
    expect(box).toHaveValue("See the screenshot");
    expect(screen.getByText("a.png")).toBeInTheDocument();

    await user.keyboard("{Enter}");
    expect(box).toHaveValue("");
    expect(screen.queryByRole("list", { name: "Files to send" })).toBeNull();
  });

  it("removing a file still going up stops it; closing the chat stops the rest", async () => {
    const { started, picker, user, view } = setupWithUploads();
    await user.upload(picker, [png("a.png"), png("b.png")]);
    await user.click(screen.getByRole("button", { name: "Cancel upload of a.png" }));
    expect(started[0]!.abort).toHaveBeenCalledOnce();
    expect(screen.queryByText("a.png")).toBeNull();
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveFocus();
    expect(started[1]!.abort).not.toHaveBeenCalled();
    view.unmount();
    expect(started[1]!.abort).toHaveBeenCalledOnce();
  });

  it("preview: nothing to attach", () => {
    render(<Composer color="#4f46e5" needsEmail={false} disabledNote="Preview: visitors write here." />);
    expect(screen.queryByRole("button", { name: "Attach a file" })).toBeNull();
  });
});
