// The widget's logo: admins upload any image, it is stored re-encoded (small WebP, no metadata),
// the public config names it and the widget API serves it to anyone; non-images are refused.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneJpeg, windowsProgram } from "@/server/services/attachments/attachment-test-kit";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { setUpWidget, widgetCall, widgetFetch } from "@/test/widget-kit";

let tenant: TestTenant;
let widgetId: string;
beforeAll(async () => {
  tenant = await createTestTenant("logo");
  ({ widgetId } = await setUpWidget(tenant));
});

const base64 = (bytes: Buffer) => bytes.toString("base64");

describe("the chat widget's logo", () => {
  it("is re-encoded small and without metadata, named by the config and served publicly; removing it removes it", async () => {
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const big = await sharp({ create: { width: 1200, height: 600, channels: 3, background: "#f97316" } }).png().toBuffer();
    const saved = await admin.chatWidget.setLogo({ image: base64(big) });
    expect(saved.logoUrl).toMatch(new RegExp(`^/api/widget/v1/${widgetId}/logo\\?v=`));
    const config = await widgetCall("GET", `/${widgetId}/config`);
    expect(config.body.logoUrl).toBe(saved.logoUrl);

    const served = await widgetFetch(saved.logoUrl!);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toContain("immutable");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 256, 128]);

    const photo = await admin.chatWidget.setLogo({ image: base64(await phoneJpeg()) });
    expect(photo.logoUrl).not.toBe(saved.logoUrl);
    const photoMeta = await sharp(Buffer.from(await (await widgetFetch(photo.logoUrl!)).arrayBuffer())).metadata();
    expect(photoMeta.exif).toBeUndefined();

    const removed = await admin.chatWidget.removeLogo({});
    expect(removed.logoUrl).toBeNull();
    expect((await widgetFetch(`/api/widget/v1/${widgetId}/logo`)).status).toBe(404);
  });

  it("refuses what is not an image, and members without settings:manage", async () => {
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await expect(admin.chatWidget.setLogo({ image: base64(windowsProgram()) })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await expect(admin.chatWidget.setLogo({ image: base64(Buffer.from("just some text")) })).rejects.toMatchObject({
      cause: { details: { reason: "LOGO_NOT_AN_IMAGE" } },
    });
    await expect(admin.chatWidget.setLogo({ image: "not base64!" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expect(agent.chatWidget.setLogo({ image: base64(await phoneJpeg()) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.chatWidget.removeLogo({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
