// Fixed demo content: the README prints these logins, the e2e tests sign in with them.
export const DEMO_PASSWORD = "caseboard-demo";

export const DEMO_TENANTS = [
  {
    name: "Acme Support",
    slug: "acme",
    apiKey: "cb_acmedemo_local-demo-key-for-scripts-only-000001",
    users: [
      { email: "owner@acme.test", name: "Alice Owner", role: "OWNER" },
      { email: "admin@acme.test", name: "Adam Admin", role: "ADMIN" },
      { email: "agent@acme.test", name: "Ava Agent", role: "AGENT" },
      { email: "agent2@acme.test", name: "Arlo Agent", role: "AGENT" },
      { email: "viewer@acme.test", name: "Vera Viewer", role: "VIEWER" },
    ],
  },
  {
    name: "Globex Care",
    slug: "globex",
    apiKey: "cb_globexdm_local-demo-key-for-scripts-only-000002",
    users: [
      { email: "owner@globex.test", name: "Gina Owner", role: "OWNER" },
      { email: "agent@globex.test", name: "Gus Agent", role: "AGENT" },
      { email: "viewer@globex.test", name: "Gail Viewer", role: "VIEWER" },
    ],
  },
] as const;

export const CASE_SUBJECTS = [
  "Cannot log in after password reset",
  "Invoice shows the wrong VAT number",
  "Refund not received after 10 days",
  "Order arrived damaged",
  "How do I export my data?",
  "Two-factor codes are not arriving",
  "App crashes when uploading a photo",
  "Please change the billing address",
  "Shipment stuck in customs",
  "Question about the enterprise plan",
  "Webhook deliveries are failing",
  "Charged twice for the same order",
  "Cannot find the cancel subscription button",
  "Delivery slot no longer available",
  "Feature request: dark mode",
  "Account locked after too many attempts",
  "Missing item in my order",
  "Integration with Slack stopped working",
  "Wrong size delivered",
  "Need a copy of last year's invoices",
  "Password reset link expired",
  "Data import fails at row 1,204",
  "Can we add more seats mid-cycle?",
  "Email notifications go to spam",
  "Warranty claim for a broken charger",
];

export const CASE_TAGS = ["billing", "login", "shipping", "bug", "refund", "vip", "feature", "integration", "mobile", "urgent-followup"];
