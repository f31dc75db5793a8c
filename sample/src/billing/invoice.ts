// @adr ADR-0003
import { addDays, format } from 'date-fns';

/** Invoices are due 14 days after issue. */
export function dueDate(issued: Date): string {
  // rationale-disable-next-line ADR-0005 -- audit trail required by finance until the logger ships (PRD-0002)
  console.log('computing due date');
  return format(addDays(issued, 14), 'yyyy-MM-dd');
}

// A retried payment does not move the due date. [impl->req~retry-keeps-due-date~1]
