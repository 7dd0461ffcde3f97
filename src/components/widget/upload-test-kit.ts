// For tests of file uploads: an XMLHttpRequest that records what was sent and answers when told
// (install it with vi.stubGlobal("XMLHttpRequest", FakeXhr)), and attachments as the server answers.
import type { WidgetAttachmentView } from "@/lib/validations/attachment";

export class FakeXhr {
  static instances: FakeXhr[] = [];
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown = undefined;
  aborted = false;
  status = 0;
  responseText = "";
  private responseHeaders: Record<string, string> = {};
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;

  constructor() {
    FakeXhr.instances.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
  }

  /** The browser reports bytes sent. */
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }
  /** The server answers. */
  respond(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = body === undefined ? "" : JSON.stringify(body);
    this.responseHeaders = headers;
    this.onload?.();
  }
  /** The server is not reached. */
  fail() {
    this.onerror?.();
  }
}

export function widgetAttachment(overrides: Partial<WidgetAttachmentView> = {}): WidgetAttachmentView {
  const id = overrides.id ?? "7b0d6f64-4c57-4a8e-9a51-2d0c1c1c0001";
  return {
    id,
    filename: "invoice.pdf",
    contentType: "application/pdf",
    size: 52_000,
    image: false,
    width: null,
    height: null,
    status: "READY",
    url: `/api/widget/v1/w/attachments/${id}?v=visitor&exp=1&sig=s`,
    thumbnailUrl: null,
    ...overrides,
  };
}

/** An error answer in the app's shape. */
export const errorBody = (code: string, message: string) => ({ code, message, details: {}, requestId: "req-1" });
