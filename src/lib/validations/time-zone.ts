// An IANA time zone name the runtime knows ("Europe/Amsterdam"): the organisation's, or a person's own.
import { text } from "./text";

export const timeZoneName = text().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: "Unknown time zone" },
);
