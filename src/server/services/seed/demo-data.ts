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

/** The last day's incident (a trending topic in the demo). */
export const INCIDENT_SUBJECTS = [
  "Webhook deliveries failing since this morning",
  "Webhook deliveries are failing for every endpoint",
  "All our webhook deliveries fail with a timeout",
];

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

/**
 * How each subject is usually filed (category of the default list, business unit of the demo's):
 * real teams file alike cases alike, which is what the learned triage model finds in the demo.
 */
export const SUBJECT_FILING: Record<string, { category: string; businessUnit: string }> = {
  "Cannot log in after password reset": { category: "Problem", businessUnit: "Consumer" },
  "Invoice shows the wrong VAT number": { category: "Request", businessUnit: "Business" },
  "Refund not received after 10 days": { category: "Problem", businessUnit: "Consumer" },
  "Order arrived damaged": { category: "Problem", businessUnit: "Consumer" },
  "How do I export my data?": { category: "Question", businessUnit: "Business" },
  "Two-factor codes are not arriving": { category: "Incident", businessUnit: "Consumer" },
  "App crashes when uploading a photo": { category: "Incident", businessUnit: "Consumer" },
  "Please change the billing address": { category: "Request", businessUnit: "Business" },
  "Shipment stuck in customs": { category: "Problem", businessUnit: "Consumer" },
  "Question about the enterprise plan": { category: "Question", businessUnit: "Business" },
  "Webhook deliveries are failing": { category: "Incident", businessUnit: "Business" },
  "Charged twice for the same order": { category: "Problem", businessUnit: "Consumer" },
  "Cannot find the cancel subscription button": { category: "Question", businessUnit: "Consumer" },
  "Delivery slot no longer available": { category: "Question", businessUnit: "Consumer" },
  "Feature request: dark mode": { category: "Request", businessUnit: "Consumer" },
  "Account locked after too many attempts": { category: "Problem", businessUnit: "Consumer" },
  "Missing item in my order": { category: "Problem", businessUnit: "Consumer" },
  "Integration with Slack stopped working": { category: "Incident", businessUnit: "Business" },
  "Wrong size delivered": { category: "Problem", businessUnit: "Consumer" },
  "Need a copy of last year's invoices": { category: "Request", businessUnit: "Business" },
  "Password reset link expired": { category: "Problem", businessUnit: "Consumer" },
  "Data import fails at row 1,204": { category: "Incident", businessUnit: "Business" },
  "Can we add more seats mid-cycle?": { category: "Question", businessUnit: "Business" },
  "Email notifications go to spam": { category: "Problem", businessUnit: "Business" },
  "Warranty claim for a broken charger": { category: "Request", businessUnit: "Consumer" },
};

export const CASE_TAGS = ["billing", "login", "shipping", "bug", "refund", "vip", "feature", "integration", "mobile", "urgent-followup"];

export const FIRST_NAMES = [
  "Emma", "Liam", "Sofia", "Noah", "Mila", "Lucas", "Julia", "Daan", "Sara", "Finn", "Anna", "Sem", "Eva", "Levi", "Lotte",
  "Mohammed", "Fatima", "Yusuf", "Aisha", "Chen", "Mei", "Hiroshi", "Priya", "Arjun", "Olga", "Ivan", "Lucia", "Mateo",
];
export const LAST_NAMES = [
  "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos", "Peters", "Hendriks",
  "García", "Rossi", "Müller", "Nowak", "Kowalski", "Okafor", "Haddad", "Tanaka", "Sharma", "Silva", "Novak", "Larsen",
];
export const COMPANIES = [
  "Northwind Traders", "Blue Harbor BV", "Keller & Zoon", "Brightline Logistics", "Pinecrest Dental", "Oak & Ember Cafe",
  "Stratos Labs", "Vondel Design", "Helix Fitness", "Meridian Travel", null, null, null, null,
];
export const EMAIL_DOMAINS = ["example.com", "example.org", "mail.example.net", "inbox.example"];

export const CUSTOMER_OPENERS = [
  "Hi, I've run into a problem and hope you can help.",
  "Hello support team, quick question about my account.",
  "Good morning, this has been bothering me since yesterday.",
  "Hi there, I tried the help centre first but could not find an answer.",
];
export const AGENT_REPLIES = [
  "Thanks for reaching out! I'm looking into this for you now and will update you shortly.",
  "Sorry for the trouble. Could you send a screenshot of what you see? That will help us pin it down.",
  "I've checked your account and found the cause. I've applied a fix; could you try again?",
  "Thanks for your patience. I've escalated this to our specialist team and will keep you posted.",
];
export const INTERNAL_NOTES = [
  "Looks like the same issue as last week's incident. Checking the logs.",
  "Customer is on the annual plan; goodwill credit approved up to 20 EUR.",
  "Reproduced on staging. Filed a bug for the mobile team.",
  "Second contact about this; keep an eye on it.",
];
export const CLOSING_REPLIES = [
  "Glad we could sort this out! I'll mark this as resolved; just reply if anything else comes up.",
  "The fix is live now. Resolving this case, but feel free to write back anytime.",
];
