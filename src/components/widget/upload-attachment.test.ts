import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isCancelled, uploadAttachment } from "./upload-attachment";
import { errorBody, FakeXhr, widgetAttachment } from "./upload-test-kit";
import { createWidgetApi, WidgetApiError } from "./widget-api";

const WIDGET = "w_abcdefghijklmnop1234";
const file = (name = "report 1.pdf", bytes = 1000) => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });

beforeEach(() => {
  FakeXhr.instances = [];
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("uploadAttachment: the raw file, with progress", () => {
  it("posts the file itself with its name in the query and the visitor's token, and reports progress", async () => {
    const progress = vi.fn();
    const sent = file();
    const upload = createWidgetApi(WIDGET).forVisitor("tok en").upload(sent, progress);
    const [xhr] = FakeXhr.instances;
    expect(xhr!.method).toBe("POST");
    expect(xhr!.url).toBe(`/api/widget/v1/${WIDGET}/attachments?filename=report+1.pdf`);
    expect(xhr!.headers["x-visitor-token"]).toBe("tok en");
    expect(xhr!.body).toBe(sent);

    xhr!.progress(400, 1000);
    expect(progress).toHaveBeenLastCalledWith(400, 1000);
    const attachment = widgetAttachment();
    xhr!.respond(201, attachment);
    await expect(upload.done).resolves.toEqual(attachment);
  });

  it("a refusal is a WidgetApiError with the server's message", async () => {
    const upload = uploadAttachment("/up", { file: file("setup.exe"), token: "t", onProgress: () => {} });
    FakeXhr.instances[0]!.respond(422, errorBody("FILE_TYPE_REFUSED", "Files of type .exe cannot be attached"));
    const error = await upload.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WidgetApiError);
    expect(error).toMatchObject({ status: 422, code: "FILE_TYPE_REFUSED", message: "Files of type .exe cannot be attached" });
    expect(isCancelled(error)).toBe(false);
  });

  it("an unreachable server is a NETWORK error", async () => {
    const upload = uploadAttachment("/up", { file: file(), token: "t", onProgress: () => {} });
    FakeXhr.instances[0]!.fail();
    await expect(upload.done).rejects.toMatchObject({ status: 0, code: "NETWORK" });
  });

  it("abort stops the request and ends in a cancellation, not an error to show", async () => {
    const upload = uploadAttachment("/up", { file: file(), token: "t", onProgress: () => {} });
    upload.abort();
    expect(FakeXhr.instances[0]!.aborted).toBe(true);
    const error = await upload.done.catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
  });

  it("a 503 is sent again after Retry-After, with progress back to zero; an abort while waiting sends nothing more", async () => {
    vi.useFakeTimers();
    const progress = vi.fn();
    const upload = uploadAttachment("/up", { file: file(), token: "t", onProgress: progress });
    FakeXhr.instances[0]!.progress(1000, 1000);
    FakeXhr.instances[0]!.respond(503, errorBody("SERVICE_UNAVAILABLE", "Busy"), { "retry-after": "1" });
    expect(progress).toHaveBeenLastCalledWith(0, 1000);
    await vi.advanceTimersByTimeAsync(1500);
    expect(FakeXhr.instances).toHaveLength(2);
    FakeXhr.instances[1]!.respond(201, widgetAttachment());
    await expect(upload.done).resolves.toMatchObject({ filename: "invoice.pdf" });

    const stopped = uploadAttachment("/up", { file: file(), token: "t", onProgress: () => {} });
    const outcome = stopped.done.catch((e: unknown) => e);
    FakeXhr.instances[2]!.respond(503, errorBody("SERVICE_UNAVAILABLE", "Busy"), { "retry-after": "1" });
    stopped.abort();
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeXhr.instances).toHaveLength(3);
    expect(isCancelled(await outcome)).toBe(true);
  });

  it("after five 503s the error shows", async () => {
    vi.useFakeTimers();
    const upload = uploadAttachment("/up", { file: file(), token: "t", onProgress: () => {} });
    const settled = upload.done.catch((e: unknown) => e);
    for (let i = 0; i < 5; i++) {
      FakeXhr.instances[i]!.respond(503, errorBody("SERVICE_UNAVAILABLE", "The service is busy"), { "retry-after": "0" });
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(FakeXhr.instances).toHaveLength(5);
    expect(await settled).toMatchObject({ status: 503, message: "The service is busy" });
  });
});
