import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { otherMethods } from "@/server/http/other-methods";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
