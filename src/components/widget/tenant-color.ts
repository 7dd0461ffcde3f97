// The tenant's colour on the widget (header, the visitor's bubbles, the send button) with text that
// stays readable on it, whatever colour was picked. public/widget.js makes the same choice for the
// launcher (it cannot import this file).
import { WIDGET_COLOR_PATTERN } from "@/lib/validations/chat-widget";

/** The brand blue, for a colour the API did not send as #rrggbb. */
export const DEFAULT_WIDGET_COLOR = "#2547ea";
const DARK_TEXT = "#0f172a";
const LIGHT_TEXT = "#ffffff";

export function widgetColor(color: string | null | undefined): string {
  return color && WIDGET_COLOR_PATTERN.test(color) ? color : DEFAULT_WIDGET_COLOR;
}

/** WCAG relative luminance of #rrggbb. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark or white text, whichever contrasts more with the background. */
export function textColorOn(background: string): string {
  const l = relativeLuminance(widgetColor(background));
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? DARK_TEXT : LIGHT_TEXT;
}

/** Inline style for a surface in the tenant's colour. */
export function tenantSurface(color: string): { backgroundColor: string; color: string } {
  const background = widgetColor(color);
  return { backgroundColor: background, color: textColorOn(background) };
}
