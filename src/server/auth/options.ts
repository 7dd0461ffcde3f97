// next-auth configuration: email + password, JWT sessions that expire after 24 h without use
// and slide forward while the app is open (the client refreshes the session periodically). Each
// JWT names a server-side session (sessions.ts) that signing out ends.
import type { NextAuthOptions } from "next-auth";
import CredentialsImport from "next-auth/providers/credentials";
import { env } from "@/env";
import { safeRedirectPath } from "@/lib/urls";
import { signInSchema } from "@/lib/validations/auth";
import { clientIpFrom } from "@/server/security/client-ip";
import { signInWithAudit } from "@/server/services/accounts/sign-in-audit";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";

// next-auth ships CommonJS; under plain Node ESM (scripts, benchmarks) its default export arrives
// wrapped in the module object, while bundlers unwrap it.
const CredentialsProvider =
  (CredentialsImport as unknown as { default?: typeof CredentialsImport }).default ?? CredentialsImport;

// next-auth's own address (its baseUrl, where it sends the browser): NEXTAUTH_URL when set; else,
// with AUTH_TRUST_HOST, the origin the request came to instead of http://localhost:3000. That
// origin comes from X-Forwarded-Host/-Proto, which the client-ip hook keeps only from trusted
// proxies (Next fills them in from Host and the socket otherwise), as publicBaseUrl() does.
process.env.AUTH_TRUST_HOST ??= "true";

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const ip = clientIpFrom(req?.headers ?? {}) ?? "unknown";
        const userAgent = req?.headers?.["user-agent"] as string | undefined;
        const requestId = req?.headers?.["x-request-id"] as string | undefined;
        const user = await signInWithAudit(parsed.data.email, parsed.data.password, { ip, userAgent, requestId });
        if (!user) return null;
        return { id: user.id, email: user.email, name: user.name, epoch: user.sessionEpoch, sid: await startSession(user.id) };
      },
    }),
  ],
  callbacks: {
    // Where sign-in and sign-out send the browser: only a path of this app (next-auth's client
    // parses the answer as an absolute URL, so it is one, on baseUrl).
    redirect({ url, baseUrl }) {
      return `${baseUrl.replace(/\/+$/, "")}${safeRedirectPath(url, baseUrl)}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.epoch = (user as { epoch?: number }).epoch ?? 0;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.epoch = token.epoch ?? 0;
        session.user.sid = token.sid;
      }
      return session;
    },
  },
  events: {
    // next-auth clears the cookie; this ends the session it named, so a copy of the JWT (another
    // tab's request in flight, a stolen cookie) is refused from now on.
    async signOut({ token }) {
      await endSession(token?.sid);
    },
  },
};
