"use client";
import { useEffect, useOptimistic, useState, useTransition } from "react";
import { Select } from "@/components/ui/input";
import { updateMemberRoleAction } from "./settings-actions";

export type Role = "OWNER" | "ADMIN" | "AGENT" | "VIEWER";

/**
 * A member's role, changed optimistically: the new role shows at once; the server's answer either
 * confirms it ("Saved") or rolls the select back to the role the server still holds, with the
 * server's reason shown by the table. Follows the server's value when the page data changes.
 */
export function MemberRoleSelect({
  slug,
  userId,
  name,
  role,
  roles,
  disabled,
  onError,
}: {
  slug: string;
  userId: string;
  name: string;
  role: Role;
  roles: Role[];
  disabled: boolean;
  onError: (message: string | null) => void;
}) {
  const [confirmed, setConfirmed] = useState(role);
  const [shown, setShown] = useOptimistic(confirmed);
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState(false);

  // The page re-renders with the server's members after each change (revalidatePath), and after
  // changes made elsewhere: the server's role is the one to show.
  const [serverRole, setServerRole] = useState(role);
  if (role !== serverRole) {
    setServerRole(role);
    setConfirmed(role);
  }

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(false), 4_000);
    return () => clearTimeout(timer);
  }, [saved]);

  const change = (next: Role) => {
    setSaved(false);
    onError(null);
    startTransition(async () => {
      setShown(next);
      const result = await updateMemberRoleAction(slug, userId, next);
      startTransition(() => {
        // On refusal `confirmed` stays, and the optimistic value falls back to it when the
        // transition ends: the select shows what the server holds.
        if (result.ok) {
          setConfirmed(result.data.role);
          setSaved(true);
        } else {
          onError(result.error.message);
        }
      });
    });
  };

  return (
    <div className="flex items-center gap-2">
      <Select aria-label={`Role of ${name}`} className="w-32" value={shown} disabled={disabled || pending} onChange={(e) => change(e.target.value as Role)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {r.charAt(0) + r.slice(1).toLowerCase()}
          </option>
        ))}
      </Select>
      <span role="status" aria-label={`${name}: role change`} className="text-xs text-green-700">
        {saved ? "Saved" : null}
      </span>
    </div>
  );
}
