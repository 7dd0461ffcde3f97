// Admin actions are audited in the affected tenant's trail with actor type "platformAdmin", so a
// tenant can tell its own members' actions from the platform operator's.
import type { Actor } from "@/server/context/request-context";

export const PLATFORM_ADMIN_ACTOR_TYPE = "platformAdmin";

export const platformAdminActor = (userId: string): Actor => ({ type: PLATFORM_ADMIN_ACTOR_TYPE, id: userId });
