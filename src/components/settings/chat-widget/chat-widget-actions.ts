"use server";
// Chat widget mutations: each calls the procedure scripts call (validation, permission, audit in one place).
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { ChatWidgetSettings, UpdateChatWidgetInput } from "@/lib/validations/chat-widget";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

const done = <T>(slug: string, result: ActionResult<T>) => {
  revalidatePath(`/t/${slug}/settings/chat-widget`);
  return result;
};

/** Saves the fields given (appearance, websites or on/off); the rest stay as they are. */
export async function updateChatWidgetAction(slug: string, values: UpdateChatWidgetInput): Promise<ActionResult<ChatWidgetSettings>> {
  return done(slug, await runAction(() => api.chatWidget.update(values)));
}

/** A new identity-verification secret: returned this once, never readable again. */
export async function rotateChatWidgetSecretAction(slug: string): Promise<ActionResult<{ secret: string; settings: ChatWidgetSettings }>> {
  return done(slug, await runAction(() => api.chatWidget.rotateSecret({})));
}

/** The logo in the widget's header (base64 of the image file; stored re-encoded). */
export async function setChatWidgetLogoAction(slug: string, image: string): Promise<ActionResult<ChatWidgetSettings>> {
  return done(slug, await runAction(() => api.chatWidget.setLogo({ image })));
}

export async function removeChatWidgetLogoAction(slug: string): Promise<ActionResult<ChatWidgetSettings>> {
  return done(slug, await runAction(() => api.chatWidget.removeLogo({})));
}
