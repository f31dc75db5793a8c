// Legacy reporting keeps Moment until it is rewritten (allowed by ADR-0003's `except`).
import moment from 'moment';

export const generatedAt = (): string => moment().format();
