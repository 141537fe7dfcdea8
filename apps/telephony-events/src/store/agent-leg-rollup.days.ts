/**
 * A local day of the rollup is the range [start of the day, start of the next) in the basis's zone,
 * both bounds computed by PostgreSQL's zone rules: the rollup groups legs by these ranges and the
 * statistics cut their window by the same ones, so a day means the same legs on both sides.
 * Arguments are SQL expressions.
 */
export const localDayStart = (day: string, zone: string): string => `((${day})::timestamp AT TIME ZONE ${zone})`;

export const localDayEnd = (day: string, zone: string): string => `(((${day}) + 1)::timestamp AT TIME ZONE ${zone})`;

export const localDayOf = (instant: string, zone: string): string => `((${instant}) AT TIME ZONE ${zone})::date`;
