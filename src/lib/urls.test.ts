// Where sign-in and sign-out may send the browser: strings that pass a naive "starts with /"
// check but leave the origin are refused; paths of the app come back normalised.
import { describe, expect, it } from "vitest";
import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { safeRedirectPath } from "./urls";

const OWN = "http://localhost:3300";

const BYPASSES = [
  "/\\evil.example/phish",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example/phish",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "//evil.example",
  "///evil.example",
  "/%5cevil.example/phish",
  "/%5Cevil.example",
  "/%2fevil.example",
  "/%2F%2Fevil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https://evil.example/phish",
  "http://localhost:3300@evil.example/",
  "http://localhost:3000/t/acme",
  "https:evil.example",
  "evil.example",
  "cases",
  "",
  " ",
];

describe("safeRedirectPath", () => {
  it.each(BYPASSES)("refuses %j", (candidate) => {
    expect(safeRedirectPath(candidate, OWN)).toBe("/");
    expect(safeRedirectPath(candidate)).toBe("/");
  });

  it("refuses what is not a string and uses the given fallback", () => {
    expect(safeRedirectPath(undefined, OWN)).toBe("/");
    expect(safeRedirectPath(["/t/acme"], OWN)).toBe("/");
    expect(safeRedirectPath("//evil.example", OWN, "/sign-in")).toBe("/sign-in");
  });

  it("keeps paths of the app, with query and fragment, and own-origin absolute URLs as paths", () => {
    expect(safeRedirectPath("/t/acme/cases?status=OPEN#top", OWN)).toBe("/t/acme/cases?status=OPEN#top");
    expect(safeRedirectPath("/invite/abc?callbackUrl=%2Ft%2Facme", OWN)).toBe("/invite/abc?callbackUrl=%2Ft%2Facme");
    expect(safeRedirectPath("http://localhost:3300/t/acme", OWN)).toBe("/t/acme");
    expect(safeRedirectPath("/t/acme/../globex", OWN)).toBe("/t/globex");
  });
});

describe("next-auth", () => {
  const redirect = (url: string, baseUrl = OWN) => authOptions.callbacks!.redirect!({ url, baseUrl });

  it("redirects only to paths of the app, on its own origin", async () => {
    expect(await redirect("/sign-in")).toBe(`${OWN}/sign-in`);
    expect(await redirect(`${OWN}/t/acme?x=1`)).toBe(`${OWN}/t/acme?x=1`);
    for (const candidate of BYPASSES) expect(await redirect(candidate), candidate).toBe(`${OWN}/`);
  });

  it("takes the request's own origin as its address when NEXTAUTH_URL is unset (not http://localhost:3000)", async () => {
    expect(process.env.NEXTAUTH_URL).toBeUndefined();
    let sent: unknown;
    const res = { status: () => res, setHeader: () => res, end: () => undefined, send: (body: unknown) => (sent = body), json: (body: unknown) => (sent = body) };
    const req = { method: "GET", query: { nextauth: ["providers"] }, headers: { host: "localhost:3300", "x-forwarded-proto": "http" }, cookies: {}, body: {} };
    await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, authOptions);
    expect(sent).toMatchObject({ credentials: { signinUrl: "http://localhost:3300/api/auth/signin/credentials" } });
  });
});
