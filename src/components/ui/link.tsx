"use client";
// The app's links: next/link, prefetching when a link is about to be used (pointer over it, focus,
// touch) instead of whenever it scrolls into view. A workspace page shows dozens of links (the
// navigation, tabs, the account menu, case lists); viewport prefetching rendered each of their
// pages on the server on every page view (26 renders for one load of the cases list) and kept
// the browser's main thread busy while the page was hydrating. Hover leaves a few hundred
// milliseconds before the click, enough for the prefetch to start.
// `prefetch={false}` still turns prefetching off entirely; `prefetch` (true) prefetches at once.
import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

export type LinkProps = ComponentProps<typeof NextLink>;

export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const [intent, setIntent] = useState(false);
  const mode = prefetch === false || prefetch === true ? prefetch : intent ? prefetch : false;
  return (
    <NextLink
      {...props}
      prefetch={mode}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
