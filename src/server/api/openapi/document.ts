// The OpenAPI 3.1 document of the REST surface, generated from the same procedures the tRPC
// clients call: every procedure whose meta names an `openapi` route, with its zod input and output.
import "server-only";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import pkg from "../../../../package.json" with { type: "json" };
import { TENANT_HEADER } from "../context";
import { appRouter } from "../root";
import { widgetRouter } from "../routers/widget/router";

export const REST_BASE_PATH = "/api/v1";

let cached: OpenAPIObject | undefined;

/** The document, built once per process (the router does not change at run time). */
export function openApiDocument(origin: string): OpenAPIObject {
  cached ??= generateOpenApiDocument(appRouter, {
    title: "Caseboard API",
    version: pkg.version,
    description: [
      "The REST face of Caseboard's tRPC procedures: same validation, permissions, tenancy and audit.",
      "Authenticate with `Authorization: Bearer <API key>`; a key is bound to one tenant and a role.",
      `Signed-in browser sessions name their tenant with the \`${TENANT_HEADER}\` header.`,
      "Errors are `{ code, message, details, requestId }` with the matching HTTP status.",
      "Files: `POST /api/attachments?filename=<name>` with the file as the raw body answers an attachment (type read from the bytes, images re-encoded); send its id in `attachmentIds` of `POST /cases/{caseId}/messages`. Download with `GET /api/attachments/{id}` (`?variant=thumbnail` for images).",
    ].join("\n\n"),
    baseUrl: REST_BASE_PATH,
    securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A Caseboard API key (cb_…)" } },
  });
  // Absolute server URL for tools that need one; the document itself is shared across origins.
  return { ...cached, servers: [{ url: `${origin}${REST_BASE_PATH}` }] };
}

let widgetCached: OpenAPIObject | undefined;

/** The raw-body upload is not a JSON procedure, so its path is written here. */
const widgetAttachmentPaths: NonNullable<OpenAPIObject["paths"]> = {
  "/{widgetId}/attachments": {
    post: {
      summary: "Upload a file for the visitor's next message (send x-visitor-token)",
      tags: ["widget"],
      parameters: [
        { name: "widgetId", in: "path", required: true, schema: { type: "string" } },
        { name: "filename", in: "query", required: false, schema: { type: "string" } },
      ],
      requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
      responses: {
        "201": { description: "The attachment, with signed links once it is ready" },
        "413": { description: "Larger than the tenant's limit" },
        "422": { description: "A refused type (programs, scripts) or an unreadable image" },
      },
    },
  },
};

/** The chat widget's public API: its own document, apart from the member API's. */
export function widgetOpenApiDocument(origin: string): OpenAPIObject {
  widgetCached ??= generateOpenApiDocument(widgetRouter, {
    title: "Caseboard chat widget API",
    version: pkg.version,
    description: [
      "What a website's chat widget calls, for visitors (not members). Every path names the widget's public id (`data-tenant` in the embed snippet).",
      "Start with `POST /{widgetId}/session` (with the host site's signed identity, if any) and send the answer's `visitorToken` as the `x-visitor-token` header afterwards.",
      "Live events: `GET /{widgetId}/events` (text/event-stream) sends `{type: message|typing|seen}` objects; reconnect with Last-Event-ID.",
      "Browser pages may call only from the widget's allowed websites. Errors are `{ code, message, details, requestId }` with the matching HTTP status.",
      "Files: `POST /{widgetId}/attachments?filename=<name>` with the file as the raw body, then its id in `attachmentIds` of `POST /{widgetId}/messages`. Messages carry their files with signed links (`url`, `thumbnailUrl`) valid for a few hours, for this visitor only.",
    ].join("\n\n"),
    baseUrl: "/api/widget/v1",
  });
  widgetCached.paths = { ...widgetCached.paths, ...widgetAttachmentPaths };
  return { ...widgetCached, servers: [{ url: `${origin}/api/widget/v1` }] };
}
