import { act, fireEvent, renderHook, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AttachmentView } from "@/lib/validations/attachment";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { addCaseMessageAction } from "./case-actions";
import { CaseComposer } from "./case-composer";
import { useAttachmentUploads } from "./use-attachment-uploads";

vi.mock("./case-actions", () => ({ addCaseMessageAction: vi.fn(), runMacroAction: vi.fn() }));

const CASE_ID = "5d0c4a8e-2f7b-4c1d-9e3a-6b8f0a1c2d3e";
const idOf = (n: number) => `0c8e7a52-1111-4222-8333-${String(n).padStart(12, "0")}`;

/** The network for uploads: each send is recorded, and the test says how far it got and how it ended. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown = null;
  aborted = false;
  status = 0;
  responseText = "";
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  async progress(loaded: number, total: number) {
    await act(async () => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  async respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === "string" ? body : JSON.stringify(body);
    // The answer is read once the attachment schema has loaded (it loads with the first upload).
    await act(async () => {
      this.onload?.();
      await vi.dynamicImportSettled();
    });
  }
  async fail() {
    await act(async () => this.onerror?.());
  }
}

const view = (n: number, filename: string, over: Partial<AttachmentView> = {}): AttachmentView => ({
  id: idOf(n),
  filename,
  contentType: "application/pdf",
  size: 2048,
  image: false,
  width: null,
  height: null,
  status: "SCANNING",
  ...over,
});
const file = (name: string, bytes = 2048, type = "application/pdf") => new File([new Uint8Array(bytes)], name, { type });

function setup() {
  const testTrpc = createTestTrpc({ "cases.timeline": () => ({ items: [], nextCursor: null }) });
  const rendered = renderWithTrpc(<CaseComposer caseId={CASE_ID} members={[]} />, testTrpc);
  const picker = screen.getByTestId("attach-files-input") as HTMLInputElement;
  const pick = (...files: File[]) => rendered.user.upload(picker, files);
  const sendButton = () => screen.getByRole("button", { name: "Send reply" });
  return { ...rendered, pick, sendButton };
}

beforeEach(() => {
  FakeXhr.sent = [];
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  vi.mocked(addCaseMessageAction).mockReset();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the composer's attachments", () => {
  it("uploads each picked file at once with its progress, holds Send until they finish, and sends their ids", async () => {
    vi.mocked(addCaseMessageAction).mockResolvedValue({ ok: true, data: { mentioned: [] } });
    const { pick, user, sendButton } = setup();
    expect(screen.getByRole("button", { name: "Attach files" })).toBeEnabled();
    const report = file("report.pdf", 4096);
    await pick(report, file("screen shot.png", 1024, "image/png"));

    // Both go up at once, each as the raw body, with the tenant and the name.
    expect(FakeXhr.sent).toHaveLength(2);
    const [first, second] = FakeXhr.sent as [FakeXhr, FakeXhr];
    expect(first.method).toBe("POST");
    expect(first.url).toBe("/api/attachments?filename=report.pdf");
    expect(second.url).toBe("/api/attachments?filename=screen+shot.png");
    expect(first.headers["x-tenant-slug"]).toBe("acme");
    expect(first.body).toBe(report);

    const chips = within(screen.getByRole("list", { name: "Attached files" }));
    expect(chips.getByText("report.pdf")).toBeInTheDocument();
    expect(chips.getByText("4.0 KB")).toBeInTheDocument();
    await first.progress(30, 120);
    expect(screen.getByRole("progressbar", { name: "Uploading report.pdf" })).toHaveAttribute("aria-valuenow", "25");
    expect(screen.getByRole("progressbar", { name: "Uploading screen shot.png" })).toHaveAttribute("aria-valuenow", "0");
    expect(sendButton()).toBeDisabled();
    expect(screen.getByRole("status")).toHaveTextContent("Uploading files…");

    await user.type(screen.getByLabelText("Reply"), "The logs you asked for");
    await first.respond(201, view(1, "report.pdf"));
    expect(screen.queryByRole("progressbar", { name: "Uploading report.pdf" })).not.toBeInTheDocument();
    // One still going: Send still waits, and ⌘/Ctrl + Enter does not slip past it.
    expect(sendButton()).toBeDisabled();
    fireEvent.keyDown(screen.getByLabelText("Reply"), { key: "Enter", ctrlKey: true });
    await second.respond(201, view(2, "screen shot.png", { image: true, contentType: "image/png", status: "READY" }));
    expect(addCaseMessageAction).not.toHaveBeenCalled();
    expect(sendButton()).toBeEnabled();

    await user.click(sendButton());
    await waitFor(() => expect(addCaseMessageAction).toHaveBeenCalledTimes(1));
    expect(vi.mocked(addCaseMessageAction).mock.calls[0]![0]).toMatchObject({
      caseId: CASE_ID,
      kind: "PUBLIC_REPLY",
      body: "The logs you asked for",
      attachmentIds: [idOf(1), idOf(2)],
    });
    // Sent: the chips go with the text.
    expect(await screen.findByText("Reply sent.")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Attached files" })).not.toBeInTheDocument();
  });

  it("cancels an upload with ×, aborting it, and removes a finished file from the message", async () => {
    vi.mocked(addCaseMessageAction).mockResolvedValue({ ok: true, data: { mentioned: [] } });
    const { pick, user, sendButton } = setup();
    await pick(file("big.zip", 10_000, "application/zip"), file("notes.txt", 10, "text/plain"));
    const [big, notes] = FakeXhr.sent as [FakeXhr, FakeXhr];
    await big.progress(10, 100);

    await user.click(screen.getByRole("button", { name: "Remove big.zip" }));
    expect(big.aborted).toBe(true);
    expect(screen.queryByText("big.zip")).not.toBeInTheDocument();
    await notes.respond(201, view(7, "notes.txt", { contentType: "text/plain" }));
    expect(sendButton()).toBeEnabled();

    await user.click(screen.getByRole("button", { name: "Remove notes.txt" }));
    expect(notes.aborted).toBe(false);
    expect(screen.queryByRole("list", { name: "Attached files" })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Reply"), "Never mind");
    await user.click(sendButton());
    await waitFor(() => expect(addCaseMessageAction).toHaveBeenCalledTimes(1));
    expect(vi.mocked(addCaseMessageAction).mock.calls[0]![0]).toMatchObject({ body: "Never mind", attachmentIds: [] });
  });

  it("shows the server's reason on a refused file and leaves it out of the message", async () => {
    vi.mocked(addCaseMessageAction).mockResolvedValue({ ok: true, data: { mentioned: [] } });
    const { pick, user, sendButton } = setup();
    await pick(file("setup.exe", 100, "application/octet-stream"), file("huge.mov", 100, "video/quicktime"), file("a.pdf"), file("b.pdf"));
    const [exe, mov, a, b] = FakeXhr.sent as [FakeXhr, FakeXhr, FakeXhr, FakeXhr];
    await exe.respond(422, {
      code: "UNPROCESSABLE_CONTENT",
      message: "Files of type .exe cannot be attached",
      details: { reason: "FILE_TYPE_REFUSED" },
      requestId: "req-7",
    });
    await mov.respond(413, { code: "PAYLOAD_TOO_LARGE", message: "Files can be at most 10 MB", details: { maxBytes: 10485760 }, requestId: "req-8" });
    await a.respond(500, { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong.", requestId: "req-9" });
    await b.fail();

    const alerts = screen.getAllByRole("alert").map((el) => el.textContent);
    expect(alerts).toEqual([
      "Files of type .exe cannot be attached",
      "Files can be at most 10 MB",
      "Something went wrong. (request req-9)",
      "The upload did not reach the server: check the connection and try again",
    ]);
    // Nothing is left uploading: a refused file does not hold Send.
    expect(sendButton()).toBeEnabled();
    await user.type(screen.getByLabelText("Reply"), "Text only, then");
    await user.click(sendButton());
    await waitFor(() => expect(addCaseMessageAction).toHaveBeenCalledTimes(1));
    expect(vi.mocked(addCaseMessageAction).mock.calls[0]![0]).toMatchObject({ attachmentIds: [] });
  });

  it("sends files without text, and keeps them when the send fails", async () => {
    vi.mocked(addCaseMessageAction).mockResolvedValue({
      ok: false,
      error: {
        code: "BAD_REQUEST",
        message: "An attached file is no longer available: remove it and attach it again",
        fieldErrors: { attachmentIds: ["Attach the file again"] },
      },
    });
    const { pick, user, sendButton } = setup();
    // Nothing written and nothing attached: the schema still asks for something.
    await user.click(sendButton());
    expect(await screen.findByText("Write something first")).toBeInTheDocument();

    await pick(file("invoice.pdf"));
    await FakeXhr.sent[0]!.respond(201, view(3, "invoice.pdf"));
    await user.click(sendButton());
    await waitFor(() => expect(addCaseMessageAction).toHaveBeenCalledTimes(1));
    expect(vi.mocked(addCaseMessageAction).mock.calls[0]![0]).toMatchObject({ body: "", attachmentIds: [idOf(3)] });
    expect(await screen.findByText("An attached file is no longer available: remove it and attach it again")).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Attached files" })).getByText("invoice.pdf")).toBeInTheDocument();
  });

  it("takes at most ten files per message and says why the rest were left out", async () => {
    const { pick } = setup();
    await pick(...Array.from({ length: 11 }, (_, i) => file(`page-${i + 1}.pdf`)));
    expect(FakeXhr.sent).toHaveLength(10);
    expect(screen.getByText("Attach at most 10 files to one message: 1 file was left out.")).toBeInTheDocument();
    expect(screen.queryByText("page-11.pdf")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Attach files" })).toBeDisabled();
  });

  it("highlights the composer while files are dragged over it and uploads what is dropped", async () => {
    setup();
    const form = screen.getByLabelText("Reply").closest("form")!;
    const dropped = file("photo.jpg", 500, "image/jpeg");
    fireEvent.dragEnter(form, { dataTransfer: { types: ["Files"], files: [dropped] } });
    expect(screen.getByText("Drop files to attach")).toBeInTheDocument();
    // Crossing into a child and back out of it keeps the highlight.
    fireEvent.dragEnter(screen.getByLabelText("Reply"), { dataTransfer: { types: ["Files"], files: [dropped] } });
    fireEvent.dragLeave(screen.getByLabelText("Reply"), { dataTransfer: { types: ["Files"], files: [dropped] } });
    expect(screen.getByText("Drop files to attach")).toBeInTheDocument();
    fireEvent.drop(form, { dataTransfer: { types: ["Files"], files: [dropped] } });
    expect(screen.queryByText("Drop files to attach")).not.toBeInTheDocument();
    expect(FakeXhr.sent.map((x) => x.body)).toEqual([dropped]);

    // Text dragged within the page is not a file drop.
    fireEvent.dragEnter(form, { dataTransfer: { types: ["text/plain"], files: [] } });
    expect(screen.queryByText("Drop files to attach")).not.toBeInTheDocument();
  });

  it("uploads a pasted screenshot, but pastes an office app's copy as text", async () => {
    setup();
    const textarea = screen.getByLabelText("Reply");
    const shot = file("image.png", 300, "image/png");
    const pasted = fireEvent.paste(textarea, { clipboardData: { types: ["Files"], files: [shot] } });
    expect(pasted).toBe(false); // handled: the browser does not paste it as well
    expect(FakeXhr.sent.map((x) => x.body)).toEqual([shot]);

    const cells = file("image.png", 300, "image/png");
    const asText = fireEvent.paste(textarea, { clipboardData: { types: ["text/plain", "text/html", "Files"], files: [cells] } });
    expect(asText).toBe(true);
    expect(FakeXhr.sent).toHaveLength(1);
  });
});

describe("useAttachmentUploads", () => {
  it("stops the uploads still running when the composer goes away", async () => {
    const { result, unmount } = renderHook(() => useAttachmentUploads("acme"));
    act(() => result.current.add([file("a.pdf"), file("b.pdf")]));
    const [a, b] = FakeXhr.sent as [FakeXhr, FakeXhr];
    await a.respond(201, view(1, "a.pdf"));
    expect(result.current.readyIds).toEqual([idOf(1)]);
    expect(result.current.uploading).toBe(true);
    unmount();
    expect(b.aborted).toBe(true);
    expect(a.aborted).toBe(false);
  });

  it("refuses a file over the tenant's limit before a byte is sent", () => {
    const { result } = renderHook(() => useAttachmentUploads("acme", 1024 * 1024));
    act(() => result.current.add([file("scan.pdf", 1024 * 1024 + 1), file("small.pdf")]));
    expect(FakeXhr.sent.map((x) => x.url)).toEqual(["/api/attachments?filename=small.pdf"]);
    expect(result.current.items[0]).toMatchObject({ state: "refused", error: "Files can be at most 1 MB" });
  });

  it("does not take an answer that is not an attachment as one", async () => {
    const { result } = renderHook(() => useAttachmentUploads("acme"));
    act(() => result.current.add([file("a.pdf")]));
    await FakeXhr.sent[0]!.respond(201, "<html>proxy</html>");
    expect(result.current.readyIds).toEqual([]);
    expect(result.current.items[0]).toMatchObject({ state: "refused", error: "The upload failed (HTTP 201)" });
  });
});
