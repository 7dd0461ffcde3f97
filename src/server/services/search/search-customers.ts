// Customers for the search palette: by part of the name or the company, names starting with the
// text first, then by trigram similarity of the name, then by name. An e-mail address is personal
// data, stored encrypted: only an exact address is matched, through its blind index (the database
// never sees the address), and only for callers with pii:read, since a hit would confirm an address
// the caller may not see. Parts of an address are never matched.
import { Prisma } from "@/server/db/generated/client";
import { emailBlindIndexCandidates } from "@/server/crypto";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { customerTextMatchSql, likePattern } from "@/server/services/customers/customer-search-sql";
import { TOTAL_CAP } from "./search-cases";

export interface CustomerHit {
  id: string;
  name: string;
  company: string | null;
  /** Name (and company when that is where the text is), HTML-escaped, the match in <mark>. */
  snippet: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `text` escaped with its first case-insensitive occurrence of `q` marked, or null without one. */
function marked(text: string, q: string): string | null {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return null;
  const end = at + q.length;
  return `${escapeHtml(text.slice(0, at))}<mark>${escapeHtml(text.slice(at, end))}</mark>${escapeHtml(text.slice(end))}`;
}

export function customerSnippet(name: string, company: string | null, q: string): string {
  const inName = marked(name, q);
  if (inName || !company) return inName ?? escapeHtml(name);
  return `${escapeHtml(name)} · ${marked(company, q) ?? escapeHtml(company)}`;
}

interface Row {
  total: number;
  id: string | null;
  name: string;
  company: string | null;
}

/** Something that reads as one whole e-mail address (no spaces, one @, a dot after it). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function searchCustomers(db: TenantDb, q: string, limit: number, options: { canReadPii: boolean }): Promise<{ hits: CustomerHit[]; total: number }> {
  const text = q.trim();
  if (EMAIL.test(text)) {
    if (!options.canReadPii) return { hits: [], total: 0 };
    const rows = await db.$queryRaw<{ id: string; name: string; company: string | null }[]>`
      SELECT cu.id::text AS id, cu.name, cu.company FROM customers cu
       WHERE cu.tenant_id = ${requireTenantId()}::uuid AND cu.email_blind_index IN (${Prisma.join(emailBlindIndexCandidates(requireTenantId(), text))})
       ORDER BY cu.name, cu.id
       LIMIT ${limit}`;
    // The snippet never holds the address: it says which field matched.
    return { hits: rows.map((r) => ({ ...r, snippet: `${escapeHtml(r.name)}${r.company ? ` · ${escapeHtml(r.company)}` : ""} · <mark>e-mail</mark>` })), total: rows.length };
  }
  const match = customerTextMatchSql(q, { withCompany: true, externalId: false });
  const startsWith = likePattern(q).slice(1);
  const rows = await db.$queryRaw<Row[]>`
    WITH matched AS MATERIALIZED (SELECT cu.id, cu.name, cu.company FROM customers cu WHERE cu.tenant_id = ${requireTenantId()}::uuid AND ${match})
    SELECT t.total, r.id::text AS id, r.name, r.company
      FROM (SELECT count(*)::int AS total FROM (SELECT 1 FROM matched LIMIT ${TOTAL_CAP}) capped) t
      LEFT JOIN LATERAL (
        SELECT m.id, m.name, m.company, lower(m.name) LIKE ${startsWith} AS starts, similarity(lower(m.name), ${q.toLowerCase()}) AS likeness
          FROM matched m
         ORDER BY starts DESC, likeness DESC, m.name, m.id
         LIMIT ${limit}
      ) r ON true
     ORDER BY r.starts DESC, r.likeness DESC, r.name, r.id`;
  const total = rows[0]?.total ?? 0;
  const hits = rows.flatMap((r) => (r.id ? [{ id: r.id, name: r.name, company: r.company, snippet: customerSnippet(r.name, r.company, q) }] : []));
  return { hits, total };
}
