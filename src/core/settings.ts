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

/** One stored setting that could not be used, e.g. `ratingBands is not a list; using the default bands`. */
export interface SettingIssue {
  /** The setting's path, such as `ratingBands` or `grades.committed`. */
  field: string;
  message: string;
}

export interface ValidatedSettings {
  /** Only the stored settings that are valid; {@link withDefaults} fills in the rest. */
  settings: DeepPartial<Settings>;
  issues: SettingIssue[];
}

type Reader = Record<string, unknown>;

function isRecord(value: unknown): value is Reader {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** What a JSON value is, for a message: "a number", "null", "a list". */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * Checks settings read from a workbook against their schema. Each wrong field is
 * left out (so its default applies) and reported; nothing throws, whatever the
 * stored value. A band whose `from` is `null` is the lowest band (`-Infinity`,
 * which JSON cannot write).
 *
 * @example
 * validateSettings({ ratingBands: 5, scoreCap: 1.5 })
 * // { settings: { scoreCap: 1.5 }, issues: [{ field: "ratingBands", message: "ratingBands is not a list (it is a number); using the default bands" }] }
 */
export function validateSettings(stored: unknown): ValidatedSettings {
  const issues: SettingIssue[] = [];
  const settings: DeepPartial<Settings> = {};
  if (stored === undefined) return { settings, issues };
  const reject = (field: string, problem: string, fallback: string) => issues.push({ field, message: `${field} ${problem}; using ${fallback}` });
  if (!isRecord(stored)) {
    reject("settings", `is not an object (it is ${describe(stored)})`, "the default settings");
    return { settings, issues };
  }

  if (stored.grades !== undefined) {
    if (!isRecord(stored.grades)) reject("grades", `is not an object (it is ${describe(stored.grades)})`, "the default grade bands");
    else {
      const grades: DeepPartial<Settings["grades"]> = {};
      for (const kind of ["aspirational", "committed"] as const) {
        const band = stored.grades[kind];
        if (band === undefined) continue;
        const field = `grades.${kind}`;
        if (!isRecord(band) || !isFiniteNumber(band.yellow) || !isFiniteNumber(band.green)) {
          reject(field, "needs a number for yellow and for green", `the default ${kind} bands`);
        } else if (band.yellow < 0 || band.green > 1 || band.yellow > band.green) {
          reject(field, `has yellow ${band.yellow} and green ${band.green}, which are not 0 ≤ yellow ≤ green ≤ 1`, `the default ${kind} bands`);
        } else grades[kind] = { yellow: band.yellow, green: band.green };
      }
      settings.grades = grades;
    }
  }

  if (stored.pace !== undefined) {
    const pace = stored.pace;
    if (!isRecord(pace) || !isFiniteNumber(pace.onTrack) || !isFiniteNumber(pace.atRisk)) {
      reject("pace", "needs a number for onTrack and for atRisk", "the default pace thresholds");
    } else if (pace.atRisk < 0 || pace.atRisk > pace.onTrack) {
      reject("pace", `has atRisk ${pace.atRisk} above onTrack ${pace.onTrack} or below 0`, "the default pace thresholds");
    } else settings.pace = { onTrack: pace.onTrack, atRisk: pace.atRisk };
  }

  const number = (field: "scoreCap" | "staleWeeks" | "lateInPeriod", ok: (n: number) => boolean, rule: string) => {
    const value = stored[field];
    if (value === undefined) return;
    if (!isFiniteNumber(value) || !ok(value)) {
      reject(field, `is ${isFiniteNumber(value) ? value : describe(value)}, not ${rule}`, `the default ${DEFAULT_SETTINGS[field]}`);
    } else settings[field] = value;
  };
  number("scoreCap", (n) => n >= 1, "a number of at least 1");
  number("staleWeeks", (n) => n > 0, "a number of weeks above 0");
  number("lateInPeriod", (n) => n >= 0 && n <= 1, "a share between 0 and 1");

  const month = stored.fiscalYearStartMonth;
  if (month !== undefined) {
    if (!Number.isInteger(month) || typeof month !== "number" || month < 1 || month > 12) {
      reject("fiscalYearStartMonth", `is ${isFiniteNumber(month) ? month : describe(month)}, not a month from 1 to 12`, "January");
    } else settings.fiscalYearStartMonth = month;
  }

  const separator = stored.decimalSeparator;
  if (separator !== undefined) {
    if (separator !== "." && separator !== ",") reject("decimalSeparator", 'is neither "." nor ","', "the workbook\u2019s locale");
    else settings.decimalSeparator = separator;
  }

  if (stored.rating !== undefined) {
    const rating = stored.rating;
    if (!isRecord(rating)) reject("rating", `is not an object (it is ${describe(rating)})`, "the default 1–5 scale");
    else {
      const read: DeepPartial<Settings["rating"]> = {};
      const min = rating.min ?? DEFAULT_SETTINGS.rating.min;
      const max = rating.max ?? DEFAULT_SETTINGS.rating.max;
      if (!isFiniteNumber(min) || !isFiniteNumber(max) || min >= max) reject("rating", "needs numbers min and max with min below max", "the default 1–5 scale");
      else {
        if (rating.min !== undefined) read.min = min;
        if (rating.max !== undefined) read.max = max;
      }
      if (rating.labels !== undefined) {
        if (!Array.isArray(rating.labels) || rating.labels.some((label) => typeof label !== "string")) {
          reject("rating.labels", "is not a list of words", "the default labels");
        } else read.labels = rating.labels.slice();
      }
      settings.rating = read;
    }
  }

  if (stored.ratingBands !== undefined) {
    const bands = stored.ratingBands;
    if (!Array.isArray(bands)) reject("ratingBands", `is not a list (it is ${describe(bands)})`, "the default bands");
    else {
      const read: Settings["ratingBands"] = [];
      let bad: string | null = null;
      for (let i = 0; i < bands.length && bad === null; i++) {
        const band: unknown = bands[i];
        if (!isRecord(band)) bad = `ratingBands[${i}] is ${describe(band)}, not a band`;
        else if (!(band.from === null || isFiniteNumber(band.from)) || !isFiniteNumber(band.rating)) {
          bad = `ratingBands[${i}] needs a number for from and for rating`;
        } else read.push({ from: band.from === null ? Number.NEGATIVE_INFINITY : band.from, rating: band.rating });
      }
      if (bad !== null) issues.push({ field: "ratingBands", message: `${bad}; using the default bands` });
      else if (read.length === 0) reject("ratingBands", "is an empty list", "the default bands");
      else settings.ratingBands = read;
    }
  }
  return { settings, issues };
}
