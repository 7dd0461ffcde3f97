import { afterEach, describe, expect, it, vi } from "vitest";
import { createWidgetApi, isUnavailable, retryAfterSeconds, retryDelayMs, toWidgetApiError, WidgetApiError } from "./widget-api";

const WIDGET = "w_abcdefghijklmnop1234";

describe("toWidgetApiError: the app's error shape, read once", () => {
  it("takes code, message, details and request id from the body", () => {
    const error = toWidgetApiError(403, {
      code: "FORBIDDEN",
      message: "This chat is paused",
      details: { reason: "WIDGET_PAUSED" },
      requestId: "req-12345678",
    });
    expect(error).toBeInstanceOf(WidgetApiError);
    expect(error).toMatchObject({ status: 403, code: "FORBIDDEN", message: "This chat is paused", requestId: "req-12345678", reason: "WIDGET_PAUSED" });
    expect(isUnavailable(error)).toBe(true);
  });

  it("reads field errors of a 400", () => {
    const error = toWidgetApiError(400, {
      code: "BAD_REQUEST",
      message: "Some fields are not valid",
      details: { fieldErrors: { email: ["Enter an e-mail address"], body: ["Write a message", "second"] } },
      requestId: "r",
    });
    expect(error.fieldError("email")).toBe("Enter an e-mail address");
    expect(error.fieldError("body")).toBe("Write a message");
    expect(error.fieldError("name")).toBeUndefined();
    expect(isUnavailable(error)).toBe(false);
  });

  it("takes the wait from Retry-After, else from details.retryAfterSeconds", () => {
    expect(toWidgetApiError(429, { code: "TOO_MANY_REQUESTS", message: "Slow down", requestId: "r" }, "12").retryAfterSeconds).toBe(12);
    expect(toWidgetApiError(503, { code: "SERVICE_UNAVAILABLE", message: "Busy", details: { retryAfterSeconds: 5 }, requestId: "r" }).retryAfterSeconds).toBe(5);
  });

  it("says something useful when the body is not the app's shape (a proxy's page, nothing)", () => {
    expect(toWidgetApiError(429, null, "30")).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "Too many messages; try again in 30 s", details: {} });
    expect(toWidgetApiError(502, "<html>")).toMatchObject({ code: "HTTP_ERROR", message: "The chat is having trouble; try again shortly", requestId: null });
    expect(toWidgetApiError(404, { details: ["not", "a", "record"] }).details).toEqual({});
    expect(toWidgetApiError(418, { message: "" }).message).toBe("The chat could not do that (HTTP 418)");
  });

  it("retryAfterSeconds: seconds or an HTTP date", () => {
    const now = Date.parse("2026-12-01T10:00:00Z");
    expect(retryAfterSeconds(" 7 ", now)).toBe(7);
    expect(retryAfterSeconds("Tue, 01 Dec 2026 10:00:20 GMT", now)).toBe(20);
    expect(retryAfterSeconds("Tue, 01 Dec 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterSeconds("soon", now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});

describe("createWidgetApi: plain fetch to /api/widget/v1", () => {
  afterEach(() => vi.unstubAllGlobals());

  function stubFetch(response: () => Response | Promise<Response>) {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return response();
    });
    return calls;
  }

  it("sends the visitor's token as a header and the body as JSON", async () => {
    const message = { id: "m1", from: "visitor", authorName: null, body: "Hi", at: "2026-12-01T10:00:00Z" };
    const calls = stubFetch(() => Response.json(message));
    const api = createWidgetApi(WIDGET).forVisitor("tok en");
    await expect(api.send({ body: "Hi" })).resolves.toEqual(message);
    const [call] = calls;
    expect(call!.url).toBe(`/api/widget/v1/${WIDGET}/messages`);
    expect(call!.init.method).toBe("POST");
    expect(call!.init.headers).toMatchObject({ "x-visitor-token": "tok en", "content-type": "application/json" });
    expect(JSON.parse(call!.init.body as string)).toEqual({ body: "Hi" });
    expect(api.eventsUrl).toBe(`/api/widget/v1/${WIDGET}/events?token=tok%20en`);
  });

  it("a session without a stored token or identity sends neither", async () => {
    const calls = stubFetch(() => Response.json({ visitorToken: "t", visitor: { name: null, email: null, verified: false } }));
    await createWidgetApi(WIDGET).session(null, null);
    expect(calls[0]!.init.headers).not.toHaveProperty("x-visitor-token");
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({});
  });

  it("throws the server's error, with Retry-After", async () => {
    stubFetch(() => Response.json({ code: "TOO_MANY_REQUESTS", message: "Too many messages", requestId: "r1" }, { status: 429, headers: { "retry-after": "9" } }));
    const failure = await createWidgetApi(WIDGET).config().catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 429, message: "Too many messages", retryAfterSeconds: 9, requestId: "r1" });
  });

  it("a 503 (the instance busy) is sent again after Retry-After, and the error shows only after five", async () => {
    const busy = () => Response.json({ code: "SERVICE_UNAVAILABLE", message: "The service is busy", requestId: "r" }, { status: 503, headers: { "retry-after": "0" } });
    let answers = [busy, busy, () => Response.json({ id: "m1", from: "visitor", authorName: null, body: "Hi", at: "2026-12-01T10:00:00Z" })];
    const calls = stubFetch(() => answers.shift()!());
    await expect(createWidgetApi(WIDGET).forVisitor("t").send({ body: "Hi" })).resolves.toMatchObject({ id: "m1" });
    expect(calls).toHaveLength(3);

    answers = Array.from({ length: 6 }, () => busy);
    const refused = stubFetch(() => answers.shift()!());
    await expect(createWidgetApi(WIDGET).config()).rejects.toMatchObject({ status: 503 });
    expect(refused).toHaveLength(5);
  });

  it("spreads the wait over half to one and a half times Retry-After", () => {
    expect([retryDelayMs(2, 0), retryDelayMs(2, 0.5), retryDelayMs(2, 0.999)]).toEqual([1000, 2000, 2998]);
    expect(retryDelayMs(null, 0.5)).toBe(1000);
  });

  it("an unreachable server is a NETWORK error with status 0", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(createWidgetApi(WIDGET).config()).rejects.toMatchObject({ status: 0, code: "NETWORK" });
  });
});
