import { CenteredCard } from "@/components/layout/centered-card";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <CenteredCard>{children}</CenteredCard>;
}
