// How a trending topic reads and where it lives, on the pages, in the feed and in alerts alike.

/** A topic's page, relative to the tenant's root (feed links are; pages add `/t/<slug>`). */
export const topicPath = (term: string) => `/insights/trending/${encodeURIComponent(term)}`;

/** "usually 2.5 a day", or "new" for a term (almost) never seen in the four weeks before. */
export const usualText = (baseline: number) => (baseline < 0.05 ? "new this month" : `usually ${baseline.toFixed(1)} a day`);
