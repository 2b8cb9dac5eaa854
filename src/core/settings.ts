/**
 * User settings that change how Altitude scores and checks. They are stored in
 * the workbook by the adapters and always passed in: no core function reads storage.
 */

export interface GradeBands {
  /** Scores at or above this are at least Yellow. */
  yellow: number;
  /** Scores at or above this are Green. */
  green: number;
}

export interface Settings {
  grades: { aspirational: GradeBands; committed: GradeBands };
  /** Pace ratio (score ÷ expected progress) thresholds. */
  pace: { onTrack: number; atRisk: number };
  /**
   * Highest key-result score allowed; 1 means no over-achievement. An objective's
   * roll-up always caps each key result at 1 whatever this says.
   */
  scoreCap: number;
  /** KRA rating scale: `min`..`max` with one label per whole step. */
  rating: { min: number; max: number; labels: string[] };
  /**
   * Bands to derive a KRA rating from actual ÷ target when no rating is given:
   * the first band whose `from` the ratio reaches gives the rating.
   */
  ratingBands: Array<{ from: number; rating: number }>;
  /** Month (1–12) the fiscal year starts in; FY26 Q1 begins in this month. */
  fiscalYearStartMonth: number;
  /** How numbers are written in this workbook: `1,200.5` or `1.200,5`. */
  decimalSeparator: "." | ",";
  /** A key result with no check-in for this many weeks is reported. */
  staleWeeks: number;
  /** Share of the period after which a key result with no check-in is reported. */
  lateInPeriod: number;
}

export const DEFAULT_SETTINGS: Settings = {
  grades: {
    aspirational: { yellow: 0.4, green: 0.7 },
    committed: { yellow: 0.7, green: 1 },
  },
  pace: { onTrack: 0.95, atRisk: 0.75 },
  scoreCap: 1,
  rating: {
    min: 1,
    max: 5,
    labels: ["Unsatisfactory", "Needs improvement", "Meets expectations", "Exceeds expectations", "Outstanding"],
  },
  ratingBands: [
    { from: 1.2, rating: 5 },
    { from: 1.0, rating: 4 },
    { from: 0.8, rating: 3 },
    { from: 0.5, rating: 2 },
    { from: Number.NEGATIVE_INFINITY, rating: 1 },
  ],
  fiscalYearStartMonth: 1,
  decimalSeparator: ".",
  staleWeeks: 3,
  lateInPeriod: 0.5,
};

/**
 * Fills a partial settings object (as stored in a workbook) with defaults.
 *
 * @example
 * withDefaults({ scoreCap: 1.5 }).scoreCap // 1.5
 * withDefaults({}).pace.onTrack // 0.95
 */
export function withDefaults(partial: DeepPartial<Settings> | undefined): Settings {
  const p = partial ?? {};
  const d = DEFAULT_SETTINGS;
  return {
    grades: {
      aspirational: { ...d.grades.aspirational, ...p.grades?.aspirational },
      committed: { ...d.grades.committed, ...p.grades?.committed },
    },
    pace: { ...d.pace, ...p.pace },
    scoreCap: p.scoreCap ?? d.scoreCap,
    rating: {
      min: p.rating?.min ?? d.rating.min,
      max: p.rating?.max ?? d.rating.max,
      labels: (p.rating?.labels as string[] | undefined) ?? d.rating.labels,
    },
    ratingBands: (p.ratingBands as Settings["ratingBands"] | undefined) ?? d.ratingBands,
    fiscalYearStartMonth: p.fiscalYearStartMonth ?? d.fiscalYearStartMonth,
    decimalSeparator: p.decimalSeparator ?? d.decimalSeparator,
    staleWeeks: p.staleWeeks ?? d.staleWeeks,
    lateInPeriod: p.lateInPeriod ?? d.lateInPeriod,
  };
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
