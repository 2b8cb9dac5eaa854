/**
 * The request queue of the in-memory host. As in Office.js, proxies only queue
 * operations; `sync()` sends them as one request: it measures the request,
 * applies the operations in order (those before a failing one stay applied,
 * as in Excel), then hands loaded values back to the proxies.
 */
import { utf8JsonBytes } from "./payload";
import { FakeOfficeError, officeError } from "./errors";

/** What a load hands back: the response payload, and how to give it to the proxy. */
export interface LoadResult {
  response: unknown;
  commit(): void;
}

export interface Operation {
  /** e.g. `worksheets.add`, `range.values`, `load`; fault injection counts by kind. */
  kind: string;
  /** Sent data, measured as JSON (values, number formats, formulas ...). */
  payload?: unknown;
  apply(): LoadResult | void;
}

export interface RequestRecord {
  operations: number;
  /** UTF-8 size of the request's JSON. */
  bytes: number;
  responseBytes: number;
  /** Kinds of the operations sent, in order. */
  kinds: string[];
}

export interface FakeStats {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  requests: RequestRecord[];
  calculationSuspensions: number;
  screenUpdatingSuspensions: number;
}

/** Make the Nth sync fail (counted from the call), or the Nth operation of a kind. */
export type FailureSpec = { sync: number; code?: string } | { operation: string; nth?: number; code?: string };

export interface Limits {
  requestBytes: number;
  responseBytes: number;
}

/** Statistics before any request. */
function emptyStats(): FakeStats {
  return { syncs: 0, largestRequestBytes: 0, largestResponseBytes: 0, requests: [], calculationSuspensions: 0, screenUpdatingSuspensions: 0 };
}

export class FakeHost {
  readonly stats: FakeStats = emptyStats();
  private failures: Array<{ spec: FailureSpec; seen: number }> = [];

  constructor(readonly limits: Limits) {}

  failOn(spec: FailureSpec): void {
    this.failures.push({ spec, seen: 0 });
  }

  resetStats(): void {
    Object.assign(this.stats, emptyStats());
  }

  /** Throws when an armed failure matches this sync; each failure fires once. */
  checkSync(): void {
    this.trip((spec) => "sync" in spec);
  }

  checkOperation(kind: string): void {
    this.trip((spec) => "operation" in spec && spec.operation === kind);
  }

  private trip(matches: (spec: FailureSpec) => boolean): void {
    const index = this.failures.findIndex((failure) => {
      if (!matches(failure.spec)) return false;
      failure.seen += 1;
      const nth = "sync" in failure.spec ? failure.spec.sync : (failure.spec.nth ?? 1);
      return failure.seen === nth;
    });
    if (index < 0) return;
    const [failure] = this.failures.splice(index, 1);
    const code = failure.spec.code ?? "GeneralException";
    throw new FakeOfficeError(code, `Injected failure (${code}).`, "operation" in failure.spec ? failure.spec.operation : "sync");
  }
}

export class FakeRequestContext {
  private queue: Operation[] = [];
  private closed = false;

  constructor(readonly host: FakeHost) {}

  enqueue(operation: Operation): void {
    if (this.closed) throw officeError("InvalidObjectPath", "The request context of this object has ended.");
    this.queue.push(operation);
  }

  get pending(): number {
    return this.queue.length;
  }

  close(): void {
    this.closed = true;
  }

  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const operations = this.queue;
    this.queue = [];
    // A real round trip is asynchronous even when nothing fails.
    await Promise.resolve();
    const { stats, limits } = this.host;
    stats.syncs += 1;
    const record: RequestRecord = {
      operations: operations.length,
      bytes: requestBytes(operations),
      responseBytes: 0,
      kinds: operations.map((operation) => operation.kind),
    };
    stats.requests.push(record);
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, record.bytes);
    this.host.checkSync();
    if (record.bytes > limits.requestBytes) throw officeError("RequestPayloadSizeLimitExceeded", `${record.bytes} bytes sent.`);
    const loads: LoadResult[] = [];
    for (const operation of operations) {
      this.host.checkOperation(operation.kind);
      const result = operation.apply();
      if (result) loads.push(result);
    }
    record.responseBytes = loads.reduce((sum, load) => sum + utf8JsonBytes(load.response), 0);
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, record.responseBytes);
    if (record.responseBytes > limits.responseBytes) {
      throw officeError("ResponsePayloadSizeLimitExceeded", `${record.responseBytes} bytes requested.`);
    }
    for (const load of loads) load.commit();
    return passThroughValue;
  }
}

function requestBytes(operations: Operation[]): number {
  // Each operation costs its kind plus its payload, like the JSON Office.js sends.
  return operations.reduce((sum, operation) => sum + 40 + operation.kind.length + utf8JsonBytes(operation.payload ?? null), 2);
}


/**
 * Reads a loaded property or throws PropertyNotLoaded, as Office.js does.
 *
 * @example
 * loaded({ name: "OKRs" }, "name", "Worksheet") // "OKRs"
 * loaded({}, "name", "Worksheet") // throws PropertyNotLoaded at Worksheet.name
 */
export function loaded<S, K extends keyof S>(cache: Partial<S>, key: K, owner: string): S[K] {
  const value = cache[key];
  if (value === undefined) {
    throw new FakeOfficeError(
      "PropertyNotLoaded",
      `The property '${String(key)}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${owner}.${String(key)}`,
    );
  }
  return value as S[K];
}

/**
 * Splits what `load` was given (`"a, b/c"`, `["a", "b"]` or `{ select }`) into property names.
 *
 * @example
 * propertyNames("values, format/fill") // ["values", "format/fill"]
 * propertyNames({ select: "name" }) // ["name"]
 */
export function propertyNames(names?: string | string[] | { select?: string }): string[] {
  if (names === undefined) return [];
  const list = typeof names === "string" ? names.split(",") : Array.isArray(names) ? names : (names.select ?? "").split(",");
  return list.map((name) => name.trim()).filter((name) => name.length > 0);
}
