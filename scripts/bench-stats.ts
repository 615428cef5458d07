// The summaries every benchmark prints, in one place (scripts/benchmark.ts runs on import, so they cannot live there).

/** The value at percentile `p` of values sorted ascending. */
export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The median (the upper one of an even count), leaving `values` as they are. */
export const median = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 50);
