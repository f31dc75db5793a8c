import type { RationaleDocument } from '../../documents/document.js';
import type { StatusInForce } from '../../index/statusInForce.js';
import { addDays } from '../../base/calendarDate.js';
import { calendarDay, daysBetween } from './calendarDay.js';

/**
 * Decisions as work in flow (Little's Law: work in progress ≈ throughput × lead time). Documents
 * carry one `date`, which is when the status last changed, so: a proposed or draft decision's date
 * is when it was proposed, an accepted one's is when it was accepted; front matter may name both
 * (`proposed: YYYY-MM-DD`, `accepted: YYYY-MM-DD`), and only then is a lead time known.
 */
export interface DecisionFlow {
  today: string;
  /** Proposed and draft decisions now, oldest first (undated last). */
  inProgress: { doc: RationaleDocument; since?: string; ageDays?: number }[];
  /** The months looked at, `YYYY-MM`, oldest first, the current month last (at most 12). */
  months: string[];
  acceptedPerMonth: number[];
  /** Decisions in progress at each month's end (today for the current month), as far as dates tell. */
  inProgressAtMonthEnd: number[];
  /** Decisions accepted within the months looked at, per day. */
  throughputPerDay: number;
  leadTimes: { doc: RationaleDocument; proposed: string; accepted: string; days: number }[];
  meanLeadTimeDays?: number;
  /** Throughput × mean lead time: the work in progress Little's Law predicts. */
  predictedInProgress?: number;
  /** Work in progress ÷ throughput: the lead time Little's Law implies, in days. */
  impliedLeadTimeDays?: number;
}

const pendingStatuses = new Set(['proposed', 'draft']);

function frontMatterDay(doc: RationaleDocument, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const v = doc.frontMatter?.[key];
    const day = typeof v === 'string' ? calendarDay(v) : undefined;
    if (day) return day;
  }
  return undefined;
}

export function proposedOn(doc: RationaleDocument, status: StatusInForce): string | undefined {
  return frontMatterDay(doc, ['proposed', 'proposed-date', 'created']) ?? (pendingStatuses.has(status.status ?? '') ? calendarDay(doc.date) : undefined);
}

export function acceptedOn(doc: RationaleDocument): string | undefined {
  return frontMatterDay(doc, ['accepted', 'accepted-date']) ?? (doc.status === 'accepted' ? calendarDay(doc.date) : undefined);
}

/** The last `count` months up to today's, `YYYY-MM`, oldest first. */
function monthsUpTo(today: string, count: number): string[] {
  const out: string[] = [];
  let [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  for (let i = 0; i < count; i++) {
    out.unshift(`${year}-${String(month).padStart(2, '0')}`);
    if (--month === 0) [year, month] = [year - 1, 12];
  }
  return out;
}

function monthEnd(month: string, today: string): string {
  const [y, m] = month.split('-').map(Number);
  const last = addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
  return last < today ? last : today;
}

export function decisionFlow(decisions: readonly RationaleDocument[], statusOf: (doc: RationaleDocument) => StatusInForce, today: string): DecisionFlow {
  const dated = decisions.map((doc) => {
    const status = statusOf(doc);
    return { doc, pending: pendingStatuses.has(status.status ?? ''), proposed: proposedOn(doc, status), accepted: acceptedOn(doc) };
  });
  const inProgress = dated.filter((d) => d.pending).map((d) => ({ doc: d.doc, since: d.proposed, ageDays: d.proposed === undefined ? undefined : daysBetween(d.proposed, today) }));
  inProgress.sort((a, b) => (a.since === b.since ? 0 : a.since === undefined ? 1 : b.since === undefined ? -1 : a.since < b.since ? -1 : 1));
  const earliest = dated.flatMap((d) => [d.proposed, d.accepted]).filter((x): x is string => x !== undefined && x <= today).sort()[0] ?? today;
  const span = (Number(today.slice(0, 4)) - Number(earliest.slice(0, 4))) * 12 + Number(today.slice(5, 7)) - Number(earliest.slice(5, 7)) + 1;
  const months = monthsUpTo(today, Math.min(12, Math.max(1, span)));
  const windowStart = `${months[0]}-01`;
  const acceptedPerMonth = months.map((m) => dated.filter((d) => d.accepted?.startsWith(m) && d.accepted <= today).length);
  const inProgressAtMonthEnd = months.map((m) => {
    const end = monthEnd(m, today);
    return dated.filter((d) => d.proposed !== undefined && d.proposed <= end && (d.accepted !== undefined ? d.accepted > end : d.pending)).length;
  });
  const acceptedInWindow = acceptedPerMonth.reduce((a, b) => a + b, 0);
  const throughputPerDay = acceptedInWindow / (daysBetween(windowStart, today) + 1);
  const leadTimes = dated.flatMap((d) => (d.proposed && d.accepted && d.accepted >= d.proposed ? [{ doc: d.doc, proposed: d.proposed, accepted: d.accepted, days: daysBetween(d.proposed, d.accepted) }] : []));
  const meanLeadTimeDays = leadTimes.length ? leadTimes.reduce((a, l) => a + l.days, 0) / leadTimes.length : undefined;
  return {
    today, inProgress, months, acceptedPerMonth, inProgressAtMonthEnd, throughputPerDay, leadTimes, meanLeadTimeDays,
    predictedInProgress: meanLeadTimeDays === undefined ? undefined : throughputPerDay * meanLeadTimeDays,
    impliedLeadTimeDays: throughputPerDay > 0 ? inProgress.length / throughputPerDay : undefined,
  };
}
