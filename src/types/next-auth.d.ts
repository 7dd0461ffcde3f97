import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    /** sid: the server-side session (user_sessions) this browser signed in as. */
    user: DefaultSession["user"] & { id: string; epoch: number; sid?: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    epoch?: number;
    sid?: string;
  }
}
