// The largest file a tenant takes: its own setting, under the deployment's ATTACHMENT_MAX_BYTES.
// Apart from the upload code so pages and the widget's config can read it without loading the
// image library.
import { env } from "@/env";
import type { TenantSettings } from "@/lib/validations/tenant-settings";

const MB = 1024 * 1024;

export const attachmentLimitOf = (settings: TenantSettings) => Math.min(env.ATTACHMENT_MAX_BYTES, settings.attachmentMaxMb * MB);
