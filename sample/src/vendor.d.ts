// SPDX-License-Identifier: MIT
// The sample has no node_modules; these declarations keep the editor's TypeScript checks quiet so
// the Problems panel shows what Rationale reports.
declare module 'date-fns' {
  export function format(date: Date, pattern: string): string;
  export function addDays(date: Date, days: number): Date;
}
declare module 'moment' {
  interface Moment {
    fromNow(): string;
    format(pattern?: string): string;
  }
  function moment(): Moment;
  export default moment;
}
