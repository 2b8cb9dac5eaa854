/**
 * Care with the files Altitude writes: where an output may go, the hidden
 * temporary file it is first written to, and cleaning those temporary files up
 * after an interrupted run.
 *
 * A copy is written to `.NAME.PID.RANDOM.tmp` beside its destination and renamed
 * into place, so a failure never leaves half a workbook at `NAME`. The temporary
 * files of a run are removed when it is stopped by SIGINT or SIGTERM; one left by
 * a run that was killed outright (SIGKILL, power loss) is stale, and removed by
 * the next run that writes to the same `NAME`, when either
 * - the process that wrote it is gone (its PID, in the name, is not running), or
 * - it is older than {@link STALE_AFTER_MS} (one hour), which covers names without
 *   a PID and PIDs reused by another process since; no single write takes that long.
 */
import { randomBytes } from "node:crypto";
import { constants, promises as fs, rmSync, type Stats } from "node:fs";
import * as path from "node:path";
import { WorkbookError } from "./port";

/** A temporary file older than this is stale whoever wrote it. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/** Temporary files of this process not yet renamed into place. */
const live = new Set<string>();

/**
 * The output name and PID of a temporary file named `.NAME.PID.RANDOM.tmp` (or the
 * older `.NAME.RANDOM.tmp`) for one of `names`, else `null`. Read from the end, so
 * one pass over a folder serves every output written to it.
 */
function tempOf(entry: string, names: ReadonlySet<string>): { name: string; pid: number | null } | null {
  if (!entry.startsWith(".") || !entry.endsWith(".tmp")) return null;
  const body = entry.slice(1, -".tmp".length);
  const random = body.lastIndexOf(".");
  if (random < 0 || !/^[0-9a-f]+$/.test(body.slice(random + 1))) return null;
  const before = body.slice(0, random);
  const pidAt = before.lastIndexOf(".");
  if (pidAt >= 0 && /^\d+$/.test(before.slice(pidAt + 1)) && names.has(before.slice(0, pidAt))) {
    return { name: before.slice(0, pidAt), pid: Number(before.slice(pidAt + 1)) };
  }
  return names.has(before) ? { name: before, pid: null } : null;
}

/**
 * A new temporary path beside `target`, remembered until {@link releaseTemp} so
 * that a signal can remove it.
 *
 * @example
 * claimTemp("/reports/out.xlsx") // "/reports/.out.xlsx.4242.9f2c0a1b3d4e.tmp"
 */
export function claimTemp(target: string): string {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  live.add(temp);
  return temp;
}

/**
 * Forgets a temporary path once it was renamed into place or removed.
 *
 * @example
 * const temp = claimTemp("/reports/out.xlsx");
 * renameSync(temp, "/reports/out.xlsx");
 * releaseTemp(temp) // removeLiveTemps() no longer touches it
 */
export function releaseTemp(temp: string): void {
  live.delete(temp);
}

/**
 * Removes every temporary file of this process, synchronously: it runs inside a
 * signal handler, just before the process exits.
 *
 * @example
 * process.once("SIGINT", () => { removeLiveTemps(); process.exit(130); });
 */
export function removeLiveTemps(): void {
  for (const temp of live) rmSync(temp, { force: true });
  live.clear();
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === "EPERM";
  }
}

/**
 * Removes the stale temporary files left beside `target` (or each of several
 * targets) by interrupted runs (see the module comment for when one is stale) and
 * returns their names. Each folder is listed once however many targets it holds:
 * a thousand team workbooks in one folder cost one listing, not a thousand.
 * Files it cannot read or remove are left alone: cleaning must never stop a run.
 *
 * @example
 * await removeStaleTemps("/reports/out.xlsx") // [".out.xlsx.4242.9f2c0a1b3d4e.tmp"]
 * await removeStaleTemps(["/reviews/Sales.xlsx", "/reviews/People.xlsx"]) // every folder listed once
 */
export async function removeStaleTemps(target: string | readonly string[], now = Date.now()): Promise<string[]> {
  const folders = new Map<string, Set<string>>();
  for (const file of typeof target === "string" ? [target] : target) {
    const dir = path.dirname(file);
    const names = folders.get(dir) ?? new Set<string>();
    names.add(path.basename(file));
    folders.set(dir, names);
  }
  const removed: string[] = [];
  for (const [dir, names] of folders) {
    for (const entry of await staleIn(dir, names, now)) removed.push(entry);
  }
  return removed;
}

/** The stale temporary files of `names` in `dir`, removed. */
async function staleIn(dir: string, names: ReadonlySet<string>, now: number): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const temp = tempOf(entry, names);
    if (!temp) continue;
    const full = path.join(dir, entry);
    if (live.has(full)) continue;
    try {
      const stats = await fs.lstat(full);
      if (!stats.isFile()) continue;
      const ownerGone = temp.pid !== null && !isRunning(temp.pid);
      if (!ownerGone && now - stats.mtimeMs < STALE_AFTER_MS) continue;
      await fs.rm(full, { force: true });
      removed.push(entry);
    } catch {
      continue;
    }
  }
  return removed;
}

export interface OutputOptions {
  /** Replace an existing regular file. */
  force?: boolean;
}

/**
 * Refuses an output path that must not be written: anything that is not a regular
 * file (a folder, device, pipe or socket such as `/dev/null`), even with `force`;
 * an existing file without `force`; and a read-only one even with it (also for
 * root, who could write it anyway). Resolves when `file` may be written.
 *
 * @example
 * await checkOutput("out.xlsx", { force: false }) // throws WorkbookError "Exists" when out.xlsx exists
 */
export async function checkOutput(file: string, options: OutputOptions = {}): Promise<void> {
  let stats: Stats;
  try {
    stats = await fs.stat(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") return;
    throw new WorkbookError(`cannot write "${file}": ${code === "EACCES" || code === "EPERM" ? "permission denied" : code}`, code);
  }
  if (stats.isDirectory()) throw new WorkbookError(`cannot write "${file}": it is a folder; give a file name with -o`, "EISDIR");
  if (!stats.isFile()) {
    throw new WorkbookError(`will not write to "${file}": it is ${specialKind(stats)}, not a regular file`, "NotRegularFile");
  }
  if (!options.force) throw new WorkbookError(`"${file}" already exists; add --force to replace it`, "Exists");
  if (!(await writable(file, stats))) {
    throw new WorkbookError(`will not replace "${file}": it is read-only; make it writable first or choose another name`, "ReadOnly");
  }
}

function specialKind(stats: Stats): string {
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isSocket()) return "a socket";
  return "a special file";
}

/** Writable by permission bits too: `access` says yes to root for any file, read-only or not. */
async function writable(file: string, stats: Stats): Promise<boolean> {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    await fs.access(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `target` through a temporary file beside it, renamed into place: all or
 * nothing. `write` fills the temporary file (named so that Ctrl-C removes it and a
 * later run cleans it if this one is killed); a failure removes it and becomes a
 * {@link WorkbookError} naming the file, while one `write` throws itself passes as it is.
 *
 * @example
 * await writeThroughTemp("/reports/out.xlsx", (temp) => fs.writeFile(temp, bytes, { flag: "wx" }));
 */
export async function writeThroughTemp(target: string, write: (temp: string) => Promise<void>, shownAs = target): Promise<void> {
  const temp = claimTemp(path.resolve(target));
  try {
    await write(temp);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    if (error instanceof WorkbookError) throw error;
    const code = errorCode(error);
    throw new WorkbookError(`cannot write "${shownAs}": ${WRITE_ERRORS[code] ?? code}`, code);
  } finally {
    releaseTemp(temp);
  }
}

const WRITE_ERRORS: Record<string, string> = {
  ENOENT: "its folder does not exist",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOSPC: "the disk is full",
};

/**
 * The `code` of a Node.js file-system error, or `"Unknown"`.
 *
 * @example
 * errorCode(Object.assign(new Error("no"), { code: "ENOENT" })) // "ENOENT"
 */
export function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return "Unknown";
}
