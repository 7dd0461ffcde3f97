import type { Metadata } from "next";
import { CreateTenantForm } from "@/components/admin/create-tenant-form";

export const metadata: Metadata = { title: "New tenant" };

export default function NewTenantPage() {
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold tracking-tight">New tenant</h1>
      <CreateTenantForm />
    </div>
  );
}
