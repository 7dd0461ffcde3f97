// The signed-in person's profile, across all their organisations (the users row is theirs alone,
// so it is read and written the privileged way, for that user only).
import type { Profile } from "@/lib/validations/profile";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { notFound } from "@/server/errors/app-error";

const select = { name: true, email: true, timeZone: true } as const;

export async function getProfile(userId: string): Promise<Profile> {
  const user = await withPrivilegedDb("read profile", (db) => db.user.findUnique({ where: { id: userId }, select }));
  if (!user) throw notFound("User");
  return user;
}

export async function updateProfile(userId: string, input: { timeZone: string | null }): Promise<Profile> {
  return withPrivilegedDb("update profile", (db) => db.user.update({ where: { id: userId }, data: { timeZone: input.timeZone }, select }));
}
