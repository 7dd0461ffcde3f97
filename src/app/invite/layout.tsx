import { CenteredCard } from "@/components/layout/centered-card";

// Same frame as the sign-in pages: the invitee is not inside any organisation yet.
export default function InviteLayout({ children }: { children: React.ReactNode }) {
  return <CenteredCard>{children}</CenteredCard>;
}
