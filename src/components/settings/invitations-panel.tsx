"use client";
import { Link } from "@/components/ui/link";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate, timeAgo } from "@/lib/format";
import { resendInvitationAction, revokeInvitationAction, type IssuedLink } from "./invitations-actions";
import { InvitationsForm } from "./invitations-form";
import { InvitationLink } from "./invitations-link";
import { confirmAction } from "@/components/ui/confirm";

type Role = "OWNER" | "ADMIN" | "AGENT" | "VIEWER";
type Status = "pending" | "accepted" | "revoked" | "expired";
const RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, AGENT: 2, VIEWER: 1 };
const TONES: Record<Status, "blue" | "green" | "red" | "gray"> = { pending: "blue", accepted: "green", revoked: "red", expired: "gray" };

export interface InvitationItem {
  id: string;
  email: string;
  role: Role;
  status: Status;
  expiresAt: Date;
  acceptedAt: Date | null;
  lastSentAt: Date;
  sendCount: number;
  invitedBy: { id: string; name: string } | null;
}

export function InvitationsPanel({
  slug,
  myRole,
  items,
  nextCursor,
}: {
  slug: string;
  myRole: Role;
  items: InvitationItem[];
  nextCursor: string | null;
}) {
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (fn: () => Promise<{ ok: true; data: unknown } | { ok: false; error: { message: string } }>) =>
    startTransition(async () => {
      setRowError(null);
      const result = await fn();
      if (!result.ok) setRowError(result.error.message);
    });

  return (
    <div className="space-y-8">
      <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="invite-heading" className="text-base font-semibold">Invite someone</h2>
        <p className="mt-1 text-sm text-slate-500">
          They get a link that works once, for 7 days. Inviting an address again replaces its earlier link.
        </p>
        <InvitationsForm slug={slug} myRole={myRole} onIssued={setIssued} />
        {issued ? <InvitationLink key={issued.url} issued={issued} /> : null}
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="text-base font-semibold">Invitations</h2>
        {rowError ? (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {rowError}
          </p>
        ) : null}
        {items.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">No invitations yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2.5">Email</th>
                  <th scope="col" className="px-4 py-2.5">Role</th>
                  <th scope="col" className="px-4 py-2.5">Status</th>
                  <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Invited by</th>
                  <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Last sent</th>
                  <th scope="col" className="hidden px-4 py-2.5 lg:table-cell">Expires</th>
                  <th scope="col" className="px-4 py-2.5 text-right">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((inv) => {
                  const mine = RANK[inv.role] <= RANK[myRole];
                  const open = inv.status === "pending" || inv.status === "expired";
                  return (
                    <tr key={inv.id} data-testid="invitation-row">
                      <td className="px-4 py-3 font-medium">{inv.email}</td>
                      <td className="px-4 py-3 text-slate-600">{inv.role.toLowerCase()}</td>
                      <td className="px-4 py-3">
                        <Badge tone={TONES[inv.status]}>{inv.status}</Badge>
                      </td>
                      <td className="hidden px-4 py-3 text-slate-600 md:table-cell">{inv.invitedBy?.name ?? "—"}</td>
                      <td className="hidden px-4 py-3 text-slate-600 md:table-cell" suppressHydrationWarning>
                        {timeAgo(inv.lastSentAt)}
                        {inv.sendCount > 1 ? <span className="text-slate-500"> · {inv.sendCount}×</span> : null}
                      </td>
                      <td className="hidden px-4 py-3 text-slate-600 lg:table-cell">
                        {inv.status === "accepted" && inv.acceptedAt ? `Joined ${formatDate(inv.acceptedAt)}` : formatDate(inv.expiresAt)}
                      </td>
                      <td className="space-x-1 px-4 py-3 text-right">
                        {open && mine ? (
                          <>
                            <Button
                              variant="ghost"
                              size="sm"
                              disabled={pending}
                              onClick={() =>
                                run(async () => {
                                  const result = await resendInvitationAction(slug, inv.id);
                                  if (result.ok) setIssued(result.data);
                                  return result;
                                })
                              }
                            >
                              Resend
                            </Button>
                            {inv.status === "pending" ? (
                              <Button
                                variant="ghost"
                                size="sm"
                                disabled={pending}
                                onClick={async () => {
                                  if (await confirmAction({ title: `Withdraw the invitation of ${inv.email}?`, description: "Its link stops working at once.", confirmLabel: "Withdraw" })) {
                                    run(() => revokeInvitationAction(slug, inv.id));
                                  }
                                }}
                              >
                                Revoke
                              </Button>
                            ) : null}
                          </>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {nextCursor ? (
          <p className="mt-3 text-sm">
            <Link href={`/t/${slug}/settings/invitations?cursor=${encodeURIComponent(nextCursor)}`} className="font-medium text-brand-600 hover:underline">
              Older invitations →
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
