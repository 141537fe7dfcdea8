/**
 * Timestamps in a page's sort key. A cursor carries them as whole microseconds since 1970 (a JS
 * Date would drop the microseconds PostgreSQL keeps, and the next page would repeat or skip rows
 * written in the same millisecond); these turn a column into that number and back, exactly.
 */
export const micros = (column: string): string => `(extract(epoch FROM ${column}) * 1000000)::bigint`;

export const fromMicros = (param: string): string => `(timestamptz 'epoch' + ${param}::bigint * interval '1 microsecond')`;

/** The bigint PostgreSQL answers as text, as the cursor's number (microseconds to year 2255 are safe integers). */
export const microsOf = (text: string): number => Number(text);
