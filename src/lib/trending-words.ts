// How a trending topic's usual day reads, on the pages, in the feed and in alerts alike.

/** "usually 2.5 a day", or "new" for a term (almost) never seen in the four weeks before. */
export const usualText = (baseline: number) => (baseline < 0.05 ? "new this month" : `usually ${baseline.toFixed(1)} a day`);
