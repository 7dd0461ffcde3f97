// next-auth configuration: email + password, JWT sessions that expire after 24 h without use
// and slide forward while the app is open (the client refreshes the session periodically).
import type { NextAuthOptions } from "next-auth";
import CredentialsImport from "next-auth/providers/credentials";
import { env } from "@/env";
import { signInSchema } from "@/lib/validations/auth";
import { signInWithAudit } from "@/server/services/accounts/sign-in-audit";

// next-auth ships CommonJS; under plain Node ESM (scripts, benchmarks) its default export arrives
// wrapped in the module object, while bundlers unwrap it.
const CredentialsProvider =
  (CredentialsImport as unknown as { default?: typeof CredentialsImport }).default ?? CredentialsImport;

export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;

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
        const forwarded = req?.headers?.["x-forwarded-for"] as string | undefined;
        const ip = forwarded?.split(",")[0]?.trim() ?? "unknown";
        const userAgent = req?.headers?.["user-agent"] as string | undefined;
        const requestId = req?.headers?.["x-request-id"] as string | undefined;
        const user = await signInWithAudit(parsed.data.email, parsed.data.password, { ip, userAgent, requestId });
        return user ? { id: user.id, email: user.email, name: user.name, epoch: user.sessionEpoch } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.epoch = (user as { epoch?: number }).epoch ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.epoch = token.epoch ?? 0;
      }
      return session;
    },
  },
};
