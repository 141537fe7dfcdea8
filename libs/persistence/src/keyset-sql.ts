/**
 * Timestamps in a page's sort key. A cursor carries them as whole microseconds since 1970 (a JS Date would
 * drop the microseconds PostgreSQL keeps, and the next page would repeat or skip rows written in the same
 * millisecond; microseconds are safe integers until the year 2255); these turn a column into that number
 * and a parameter back into the same instant, exactly.
 */
export const microsOf = (column: string): string => `floor(extract(epoch FROM ${column}) * 1000000)::bigint`;

export const instantFromMicros = (param: string): string => `(timestamptz 'epoch' + ${param}::bigint * interval '1 microsecond')`;
