import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string; epoch: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    epoch?: number;
  }
}
