/**
 * The input package's parts, read from its file as they are needed: opening a
 * workbook reads only the zip's directory; each part is then streamed from the
 * file (inflated by Node's zlib) when it is read, and a copy takes the parts it
 * keeps straight from the file, in pieces, still compressed. Nothing holds the
 * file's bytes while a command runs, so a 127 MB workbook costs its directory,
 * not 127 MB, until the copy is saved.
 *
 * Because parts are read from the file long after it was opened, every read
 * first checks that the file is still the one whose directory was read (its size
 * and modification time; a copy also compares the directory's bytes, before and
 * after it copies); a file changed in the meantime is refused with
 * {@link INPUT_CHANGED} rather than mixed with the old one.
 *
 * Inputs this reader does not follow (a zip with bytes before its first entry or
 * after its end, duplicate names, encrypted entries, other compressions) and
 * inputs that are not regular files (a pipe) are read whole into memory as
 * before, and JSZip reads the odd zips.
 */
import { promises as fs, readSync } from "node:fs";
import { pipeline, Readable } from "node:stream";
import * as zlib from "node:zlib";
import JSZip from "jszip";
import { WorkbookError } from "./port";
import { bytesOfBuffer, readDirectory, readerOfBuffer, type ArchiveBytes, type ArchiveDirectory, type ArchiveReader, type StoredEntry } from "./xlsx-zip";

/** The code of the error a read or a copy gives when the input file changed after it was opened. */
export const INPUT_CHANGED = "InputChanged";

/** Bytes read from the input file at a time, while streaming a part or copying kept parts. */
const READ_CHUNK = 1024 * 1024;

/** A package's parts, wherever they are read from. */
export interface PackageParts {
  /** Every entry's name, in the package's order; folders end in `/`. */
  readonly names: readonly string[];
  /** Whether `name` is a part (an entry that is not a folder). */
  has(name: string): boolean;
  /** The part's bytes, inflated, as a stream. */
  open(name: string): Promise<Readable>;
  /** The entries as stored, for copies that keep them byte for byte; `null` when each part must be read and deflated again. */
  readonly stored: StoredParts | null;
}

/** The stored entries of an input and the one way to read their bytes for a copy. */
export interface StoredParts {
  readonly entries: readonly StoredEntry[];
  /**
   * Runs `copy` with a reader of the input's stored bytes, once the input is known
   * to be as it was read, and checks that again when `copy` is done, so a copy made
   * while another program saved the input is refused.
   */
  copying<T>(copy: (from: ArchiveReader) => Promise<T>): Promise<T>;
}

/** Why an input cannot be opened as a package: a reason for one line and a code. */
export interface OpenProblem {
  problem: { reason: string; code: string };
}

export interface ArchiveOptions {
  /** Bytes read from the file at a time (1 MB by default). */
  chunkBytes?: number;
}

/**
 * The whole content of a part.
 *
 * @example
 * (await readPartBytes(parts, "mimetype")).toString("utf8")
 */
export async function readPartBytes(parts: PackageParts, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = await parts.open(name);
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw new WorkbookError(`${name} cannot be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); the file is damaged`, "Corrupt");
  }
  return Buffer.concat(chunks);
}

/**
 * Opens an input file's package: a regular file's zip directory is read and its
 * parts stay on disk; anything else is read whole. `recognise` looks at the
 * file's first bytes (and, for what is not a zip, all of them) and names what a
 * file that is not a zip is.
 * Throws the file system's error (`ENOENT`, `EISDIR` …) when it cannot be read.
 *
 * @example
 * const opened = await openPackageParts("goals.xlsx", sniffNonZip);
 * if ("problem" in opened) throw new Error(opened.problem.reason);
 */
export async function openPackageParts(
  file: string,
  recognise: (bytes: Buffer) => { reason: string; code: string } | null,
  options: ArchiveOptions = {},
): Promise<PackageParts | OpenProblem> {
  const handle = await fs.open(file, "r");
  let bytes: Buffer;
  try {
    const stat = await handle.stat({ bigint: true });
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file} is a folder`), { code: "EISDIR" });
    if (stat.isFile()) {
      const size = Number(stat.size);
      const archive = fileBytes(handle.fd, size);
      const head = archive.read(0, 4);
      // What is not a zip is named from all its bytes (an OLE file's stream names); a zip from its first two.
      const problem = head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b ? null : recognise(await handle.readFile());
      if (problem) return { problem };
      const directory = readDirectory(archive);
      if (directory && uniqueNames(directory.entries)) {
        const snapshot: FileSnapshot = { size: stat.size, mtimeMs: stat.mtimeMs, directoryAt: directory.at, tail: directory.tail };
        return new ZipParts(directory, new FileOrigin(file, snapshot, options.chunkBytes ?? READ_CHUNK));
      }
    }
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  return partsOfBytes(bytes, recognise);
}

/**
 * A package held in memory (an input that is not a regular file, or a zip laid
 * out in a way {@link readDirectory} does not follow, which JSZip reads).
 *
 * @example
 * const parts = await partsOfBytes(await fs.readFile("goals.xlsx"));
 */
export async function partsOfBytes(bytes: Buffer, recognise?: (bytes: Buffer) => { reason: string; code: string } | null): Promise<PackageParts | OpenProblem> {
  const problem = recognise?.(bytes);
  if (problem) return { problem };
  const directory = readDirectory(bytesOfBuffer(bytes));
  if (directory && uniqueNames(directory.entries)) return new ZipParts(directory, new MemoryOrigin(bytes));
  try {
    return jszipParts(await JSZip.loadAsync(bytes));
  } catch {
    return { problem: { reason: "the file is damaged or is not an .xlsx workbook", code: "Corrupt" } };
  }
}

/**
 * The parts of a package JSZip has loaded; a copy reads and deflates each again.
 *
 * @example
 * const parts = jszipParts(await JSZip.loadAsync(bytes));
 */
export function jszipParts(zip: JSZip): PackageParts {
  return {
    names: Object.keys(zip.files),
    has: (name) => zip.file(name) !== null,
    async open(name) {
      const file = zip.file(name);
      if (!file) throw new WorkbookError(`the package has no ${name}; the file is damaged`, "MissingPart");
      return new Readable().wrap(file.nodeStream("nodebuffer"));
    },
    stored: null,
  };
}

/** Two entries of one name would be read differently by different readers: such a zip is left to JSZip. */
function uniqueNames(entries: readonly StoredEntry[]): boolean {
  return new Set(entries.map((e) => e.name)).size === entries.length;
}

/** An open file's bytes, read synchronously (only the directory and local headers are read this way). */
function fileBytes(fd: number, size: number): ArchiveBytes {
  return {
    size,
    read(at, length) {
      const out = Buffer.alloc(Math.max(0, Math.min(length, size - at)));
      for (let done = 0; done < out.length; ) {
        const read = readSync(fd, out, done, out.length - done, at + done);
        if (read === 0) return out.subarray(0, done);
        done += read;
      }
      return out;
    },
  };
}

/** Where the bytes of a package's entries are read from. */
interface Origin {
  /** The `length` bytes from `at`, as a stream. */
  stream(at: number, length: number): Promise<Readable>;
  /** Runs `run` with a reader of the bytes; see {@link StoredParts.copying}. */
  reading<T>(run: (from: ArchiveReader) => Promise<T>): Promise<T>;
}

/** A zip whose directory this module read. */
class ZipParts implements PackageParts {
  readonly names: readonly string[];
  readonly stored: StoredParts;
  private readonly byName = new Map<string, StoredEntry>();

  constructor(directory: ArchiveDirectory, private readonly origin: Origin) {
    this.names = directory.entries.map((e) => e.name);
    for (const entry of directory.entries) if (!isFolder(entry)) this.byName.set(entry.name, entry);
    this.stored = { entries: directory.entries, copying: (copy) => origin.reading(copy) };
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  async open(name: string): Promise<Readable> {
    const entry = this.byName.get(name);
    if (!entry) throw new WorkbookError(`the package has no ${name}; the file is damaged`, "MissingPart");
    const raw = await this.origin.stream(entry.dataAt, entry.central.compressedSize);
    if (entry.central.method === 0) return raw;
    // pipeline passes a read error on to the inflater, and destroying the inflater closes the file.
    return pipeline(raw, zlib.createInflateRaw({ chunkSize: 64 * 1024 }), () => {});
  }
}

/** A folder entry, as JSZip tells one: the MS-DOS directory attribute or a name ending in `/`. */
function isFolder(entry: StoredEntry): boolean {
  return (entry.central.externalAttributes & 0x10) !== 0 || entry.name.endsWith("/");
}

/** What an input file was when its directory was read. */
interface FileSnapshot {
  size: bigint;
  /** To the millisecond, as every file system and `utimes` can give it back. */
  mtimeMs: bigint;
  directoryAt: number;
  /** The central directory and end records as read. */
  tail: Buffer;
}

/** Entries read from the input file, each read opening it again and checking it is unchanged. */
class FileOrigin implements Origin {
  constructor(
    private readonly file: string,
    private readonly snapshot: FileSnapshot,
    private readonly chunk: number,
  ) {}

  async stream(at: number, length: number): Promise<Readable> {
    // Size and time only: a package of many thousand parts has a directory of megabytes, too much to read again per part.
    const handle = await this.openUnchanged(false);
    if (length === 0) {
      await handle.close();
      return Readable.from([], { objectMode: false });
    }
    return handle.createReadStream({ start: at, end: at + length - 1, highWaterMark: this.chunk });
  }

  async reading<T>(run: (from: ArchiveReader) => Promise<T>): Promise<T> {
    const handle = await this.openUnchanged(true);
    try {
      const chunk = this.chunk;
      const result = await run({
        async *pieces(at, length) {
          for (let done = 0; done < length; ) {
            const piece = Buffer.allocUnsafe(Math.min(chunk, length - done));
            const { bytesRead } = await handle.read(piece, 0, piece.length, at + done);
            if (bytesRead === 0) throw changed();
            done += bytesRead;
            yield bytesRead === piece.length ? piece : piece.subarray(0, bytesRead);
          }
        },
      });
      // A program that saved the input while it was copied would leave a mix of two files.
      await this.checkUnchanged(handle, true);
      return result;
    } finally {
      await handle.close();
    }
  }

  private async openUnchanged(withDirectory: boolean): Promise<fs.FileHandle> {
    const handle = await fs.open(this.file, "r").catch(() => {
      throw changed();
    });
    try {
      await this.checkUnchanged(handle, withDirectory);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle;
  }

  private async checkUnchanged(handle: fs.FileHandle, withDirectory: boolean): Promise<void> {
    const stat = await handle.stat({ bigint: true });
    const { size, mtimeMs, directoryAt, tail } = this.snapshot;
    if (stat.size !== size || stat.mtimeMs !== mtimeMs) throw changed();
    if (!withDirectory) return;
    const now = Buffer.alloc(tail.length);
    const { bytesRead } = await handle.read(now, 0, tail.length, directoryAt);
    if (bytesRead !== tail.length || !now.equals(tail)) throw changed();
  }
}

function changed(): WorkbookError {
  return new WorkbookError("it changed on disk after it was opened", INPUT_CHANGED);
}

/** Entries read from bytes in memory, which cannot change. */
class MemoryOrigin implements Origin {
  constructor(private readonly bytes: Buffer) {}

  async stream(at: number, length: number): Promise<Readable> {
    return Readable.from([this.bytes.subarray(at, at + length)], { objectMode: false });
  }

  reading<T>(run: (from: ArchiveReader) => Promise<T>): Promise<T> {
    return run(readerOfBuffer(this.bytes));
  }
}
