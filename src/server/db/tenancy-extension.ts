// First line of tenant isolation: every query of a tenant-owned model gets the tenant of the
// current tenant transaction added to its filter, and writes that name another tenant are refused.
// Postgres row-level security (second line) holds even where this is bypassed or wrong.
import { Prisma } from "./generated/client";
import { currentTenantId } from "./tenant-scope";

/** Models that carry tenantId. A test checks this list against schema.prisma. */
export const TENANT_OWNED_MODELS = new Set<string>([
  "Membership",
  "ApiKey",
  "AuditEvent",
  "CaseCounter",
  "Case",
  "Job",
  "Customer",
  "ChatWidget",
  "ChatVisitor",
  "Attachment",
  "CaseFollower",
  "CaseMessage",
  "CaseEvent",
  "SavedView",
  "CannedResponse",
  "Macro",
  "Notification",
  "Invitation",
  "StoredFile",
  "Import",
  "TenantSlugRedirect",
  "RealtimeCounter",
  "RealtimeEvent",
  "Team",
  "TeamMember",
  "EscalationRule",
  "NotificationPreference",
  "Alert",
  "AlertRule",
  "FeedItem",
  "SearchEvent",
  "SearchOpen",
  "AgentRun",
  "AiUsage",
  "CaseSuggestion",
  "TopicDay",
  "TrendingRun",
  "TrendingTopic",
  "CaseReportFact",
  "CaseReportRollup",
  "CaseReportState",
  "TriageModel",
  "TriageModelTerm",
  "SearchTerm",
]);

const FILTERED_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);
const BULK_OPERATIONS = new Set(["updateMany", "updateManyAndReturn", "deleteMany"]);

export class TenancyViolation extends Error {
  // Stryker disable next-line StringLiteral: the name labels logs; callers tell the error by its class
  override readonly name = "TenancyViolation";
}

type Data = Record<string, unknown>;

function stampTenant(model: string, data: unknown, tenantId: string): Data {
  const row = { ...(data as Data) };
  if ("tenant" in row) throw new TenancyViolation(`${model}: set tenantId through the tenant context, not a relation`);
  if (row.tenantId !== undefined && row.tenantId !== tenantId) {
    throw new TenancyViolation(`${model}: write names another tenant`);
  }
  row.tenantId = tenantId;
  return row;
}

/**
 * Unique filters accept extra conditions (extendedWhereUnique), so the tenant can be required
 * without losing the unique lookup. It goes into AND rather than over the caller's fields: where
 * the key is the tenant column itself (Tenant.id, CaseCounter.tenantId), overwriting would turn
 * a lookup of another tenant into one of the current tenant instead of finding nothing.
 */
function withUniqueTenantFilter(where: unknown, tenantFilter: Data): Data {
  const w = { ...(where as Data) };
  const and = w.AND === undefined ? [] : Array.isArray(w.AND) ? w.AND : [w.AND];
  return { ...w, AND: [...and, tenantFilter] };
}

function isEmptyWhere(where: unknown): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent; without the type checks a null or non-object where throws in Object.keys, a refusal all the same
  return where === undefined || (typeof where === "object" && where !== null && Object.keys(where).length === 0);
}

export const tenancyExtension = Prisma.defineExtension({
  // Stryker disable next-line StringLiteral: the extension's label in Prisma's errors, no behaviour
  name: "tenancy",
  query: {
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        const tenantId = currentTenantId();
        if (!tenantId) throw new TenancyViolation(`${model}.${operation} outside a tenant transaction`);
        const a = { ...(args as Record<string, unknown>) };

        if (model === "Tenant") {
          // A tenant sees and edits only itself; creating or deleting tenants is privileged.
          if (!FILTERED_OPERATIONS.has(operation) || operation === "upsert" || operation.startsWith("delete")) {
            throw new TenancyViolation(`Tenant.${operation} is not allowed in a tenant transaction`);
          }
          // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent; the unique form (the caller's fields plus AND the tenant) filters a list exactly as { AND: [where, tenant] } does
          a.where = operation.startsWith("findUnique") || operation === "update"
            ? withUniqueTenantFilter(a.where, { id: tenantId })
            : { AND: [a.where ?? {}, { id: tenantId }] };
          return query(a);
        }
        if (!TENANT_OWNED_MODELS.has(model)) return query(args);

        if (BULK_OPERATIONS.has(operation) && isEmptyWhere(a.where)) {
          // Cal.com's guard: an empty filter on a bulk write is almost always a bug.
          throw new TenancyViolation(`${model}.${operation} with an empty filter`);
        }
        if (FILTERED_OPERATIONS.has(operation)) {
          // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent; see the Tenant branch above: both forms require the tenant with AND
          const unique = operation.startsWith("findUnique") || operation === "update" || operation === "delete" || operation === "upsert";
          a.where = unique ? withUniqueTenantFilter(a.where, { tenantId }) : { AND: [a.where ?? {}, { tenantId }] };
        }
        if (operation === "create" || operation === "upsert") {
          if (operation === "upsert") a.create = stampTenant(model, a.create, tenantId);
          else a.data = stampTenant(model, a.data, tenantId);
        }
        if (operation === "createMany" || operation === "createManyAndReturn") {
          const rows = Array.isArray(a.data) ? a.data : [a.data];
          a.data = rows.map((row) => stampTenant(model, row, tenantId));
        }
        if (operation.startsWith("update") || operation === "upsert") {
          const data = (operation === "upsert" ? a.update : a.data) as Data | undefined;
          if (data && ("tenantId" in data || "tenant" in data)) {
            throw new TenancyViolation(`${model}: a row cannot move to another tenant`);
          }
        }
        return query(a);
      },
    },
  },
});
