"use client";
// Light, dark or the system's choice, remembered per browser (next-themes: a class on <html> set
// before the first paint by a script that carries the request's CSP nonce, so no flash of the
// wrong theme). The colours themselves are in globals.css.
import { ThemeProvider as NextThemesProvider } from "next-themes";

export function ThemeProvider({ nonce, children }: { nonce?: string; children: React.ReactNode }) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </NextThemesProvider>
  );
}
