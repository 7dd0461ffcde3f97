import type { Metadata } from "next";
import { CustomerForm } from "@/components/customers/customer-form";

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <div className="mx-auto max-w-2xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">New customer</h1>
      <p className="mb-6 mt-1 text-sm text-slate-500">Email and phone are stored encrypted.</p>
      <CustomerForm slug={slug} />
    </div>
  );
}
