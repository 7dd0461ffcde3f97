import { burnPasswordCheck, verifyPassword } from "@/server/auth/password";
import { withPrivilegedDb } from "@/server/db/privileged-db";

export async function verifyCredentials(email: string, password: string) {
  const user = await withPrivilegedDb("sign in", (db) =>
    db.user.findUnique({
      where: { email: email.toLowerCase() },
      select: { id: true, email: true, name: true, passwordHash: true, sessionEpoch: true },
    }),
  );
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, sessionEpoch: user.sessionEpoch };
}
