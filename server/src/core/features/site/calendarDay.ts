import { isCalendarDate } from '../../base/calendarDate.js';

/** The `YYYY-MM-DD` day a document's date names (it may carry a time); undefined when it names none. */
export function calendarDay(date: string | undefined): string | undefined {
  const day = date?.slice(0, 10);
  return day !== undefined && isCalendarDate(day) ? day : undefined;
}

/** Whole days from `from` to `to`, both calendar days. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}
