"use client";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate, timeAgo } from "@/lib/format";
import { MemberRoleSelect, type Role } from "./member-role-select";
import { removeMemberAction } from "./settings-actions";
import { confirmAction } from "@/components/ui/confirm";

const ROLES: Role[] = ["OWNER", "ADMIN", "AGENT", "VIEWER"];
const RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, AGENT: 2, VIEWER: 1 };

interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  lastActiveAt: Date | null;
}

export function MembersTable({ slug, members, myRole, canManage }: { slug: string; members: Member[]; myRole: Role; canManage: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (fn: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    startTransition(async () => {
      setError(null);
      const result = await fn();
      if (!result.ok) setError(result.error?.message ?? "Something went wrong");
    });

  return (
    <section aria-labelledby="members-heading">
      <div className="flex items-baseline justify-between">
        <h2 id="members-heading" className="text-base font-semibold">
          Members <span className="font-normal text-slate-500">({members.length})</span>
        </h2>
      </div>
      {error ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2.5">Member</th>
              <th scope="col" className="px-4 py-2.5">Role</th>
              <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Joined</th>
              <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Last active</th>
              {canManage ? <th scope="col" className="px-4 py-2.5 text-right">Actions</th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => {
              const manageable = canManage && RANK[m.role] <= RANK[myRole];
              return (
                <tr key={m.userId}>
                  <td className="px-4 py-3">
                    <p className="font-medium">{m.name}</p>
                    <p className="text-xs text-slate-500">{m.email}</p>
                  </td>
                  <td className="px-4 py-3">
                    {manageable ? (
                      <MemberRoleSelect
                        slug={slug}
                        userId={m.userId}
                        name={m.name}
                        role={m.role}
                        roles={ROLES.filter((r) => RANK[r] <= RANK[myRole])}
                        disabled={pending}
                        onError={setError}
                      />
                    ) : (
                      <Badge tone={m.role === "OWNER" ? "purple" : m.role === "ADMIN" ? "blue" : "gray"}>{m.role.toLowerCase()}</Badge>
                    )}
                  </td>
                  <td className="hidden px-4 py-3 text-slate-600 md:table-cell">{formatDate(m.joinedAt)}</td>
                  <td className="hidden px-4 py-3 text-slate-600 md:table-cell" suppressHydrationWarning>
                    {timeAgo(m.lastActiveAt)}
                  </td>
                  {canManage ? (
                    <td className="px-4 py-3 text-right">
                      {manageable ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          disabled={pending}
                          onClick={async () => {
                            if (
                              await confirmAction({
                                title: `Remove ${m.name}?`,
                                description: "They lose access at once, and their API keys for this organisation are revoked.",
                                confirmLabel: "Remove member",
                              })
                            ) {
                              run(() => removeMemberAction(slug, m.userId));
                            }
                          }}
                        >
                          Remove
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
