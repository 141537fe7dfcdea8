import { text } from 'express';

/** The platform parses JSON, text/plain and NDJSON; agents also come as `text/csv`. */
export const csvBody = text({ type: ['text/csv', 'application/csv'], limit: '8mb' });
