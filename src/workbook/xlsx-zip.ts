/**
 * The zip layer of copies: an existing archive's entries are found from its
 * central directory and copied byte for byte (header, name, extra field,
 * compressed data) from wherever the archive lies (its file, read in pieces, or
 * bytes in memory), and new parts are deflated with Node's own zlib. See
 * PKWARE's APPNOTE.TXT (sections 4.3 and 4.5) for the record layouts used here.
 */
import { closeSync, mkdtempSync, openSync, promises as fs, readSync, rmSync, writeSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";

const SIGNATURE = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  locator64: 0x07064b50,
  descriptor: 0x08074b50,
} as const;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const ZIP64_EXTRA = 0x0001;
/** Info-ZIP's Unicode path extra field, which some readers prefer over the entry's own name. */
const UNICODE_PATH_EXTRA = 0x7075;
/** General purpose flag bit 0: the entry is encrypted. */
const FLAG_ENCRYPTED = 0x0001;
/** General purpose flag bit 3: sizes and CRC follow the data in a descriptor. */
const FLAG_DESCRIPTOR = 0x0008;
/** General purpose flag bit 11: the name is UTF-8. */
const FLAG_UTF8 = 0x0800;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
/** Version 2.0 (deflate) and 4.5 (ZIP64) of the format; made on a UNIX-like system, as JSZip wrote. */
const VERSION = { deflate: 20, zip64: 45, madeBy: 0x0314 } as const;
/** The deflate level of new parts: a little larger than the default, far quicker to write. */
const DEFLATE_LEVEL = 3;

/** A part's content ready for the archive: deflated bytes, the CRC-32 and size of the original. */
export interface PackedContent {
  data: Buffer;
  crc: number;
  size: number;
}

/** One entry of an existing archive, kept as stored. */
export interface StoredEntry {
  name: string;
  /** Where its record (local header, name, extra field, compressed data and any data descriptor) starts in the archive. */
  at: number;
  /** The record's length in bytes. */
  length: number;
  /** Where its compressed data starts in the archive. */
  dataAt: number;
  /** The central directory fields of the entry, its ZIP64 extra field taken out (it is written again as needed). */
  central: {
    madeBy: number;
    needed: number;
    flags: number;
    method: number;
    time: number;
    date: number;
    crc: number;
    compressedSize: number;
    size: number;
    nameBytes: Buffer;
    extra: Buffer;
    comment: Buffer;
    internalAttributes: number;
    externalAttributes: number;
  };
}

/** A part's deflated bytes parked in a {@link Spool}'s file, with the CRC-32 and size of the original. */
export interface ParkedContent {
  spool: Spool;
  at: number;
  length: number;
  crc: number;
  size: number;
}

/** A new part's content: deflated bytes in memory, or parked on disk. */
export type NewContent = PackedContent | ParkedContent;

/** A new entry of the archive. */
export interface NewEntry {
  name: string;
  content: NewContent;
}

/**
 * Where new parts wait for the archive: in memory while they add up to less than
 * `budget` bytes (deflated), then in a temporary file, so a copy with a sheet per
 * person of a large company does not hold every sheet in memory until it is
 * saved. The file is unlinked as soon as it is opened: its bytes live as long as
 * the descriptor, and nothing is left behind however the process ends.
 */
export class Spool {
  private fd: number | null = null;
  private end = 0;
  private held = 0;

  constructor(
    private readonly budget: number,
    private readonly dir: string = os.tmpdir(),
  ) {}

  /**
   * The content as it waits: the same bytes in memory while under budget, else parked.
   *
   * @example
   * const waiting = spool.keep(packContent(xml));
   */
  keep(content: PackedContent): NewContent {
    const length = content.data.length;
    if (this.held + length <= this.budget) {
      this.held += length;
      return content;
    }
    const fd = this.file();
    for (let done = 0; done < length; ) done += writeSync(fd, content.data, done, length - done, this.end + done);
    const at = this.end;
    this.end += length;
    return { spool: this, at, length, crc: content.crc, size: content.size };
  }

  /** The bytes of a parked content. */
  read(content: ParkedContent): Buffer {
    if (this.fd === null) throw new Error("read from a spool that parked nothing");
    const out = Buffer.allocUnsafe(content.length);
    for (let done = 0; done < content.length; ) {
      const read = readSync(this.fd, out, done, content.length - done, content.at + done);
      if (read === 0) throw new Error("the spool file ended early");
      done += read;
    }
    return out;
  }

  private file(): number {
    if (this.fd !== null) return this.fd;
    const dir = mkdtempSync(path.join(this.dir, "altitude-parts-"));
    const fd = openSync(path.join(dir, "parts"), "wx+", 0o600);
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A system that cannot remove an open file (Windows) removes it at exit instead.
      process.once("exit", () => {
        closeSync(fd);
        rmSync(dir, { recursive: true, force: true });
      });
    }
    this.fd = fd;
    return fd;
  }
}

/** The deflated bytes of a new part, read back from the spool when parked. */
function bytesOf(content: NewContent): Buffer {
  return "data" in content ? content.data : content.spool.read(content);
}

export type ArchiveEntry = StoredEntry | NewEntry;

const crc32: (data: Buffer) => number = typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : crc32Table;

let table: Uint32Array | null = null;

/**
 * CRC-32 (the zip polynomial) by table, for Node releases without `zlib.crc32`.
 *
 * @example
 * crc32Table(Buffer.from("123456789")) // 0xcbf43926
 */
export function crc32Table(data: Buffer): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = MAX32;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ MAX32) >>> 0;
}

/**
 * Deflates a part's text (UTF-8) or bytes for the archive.
 *
 * @example
 * const packed = packContent("<worksheet/>");
 * packed.size // 12
 */
export function packContent(content: string | Buffer): PackedContent {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const deflated = zlib.deflateRawSync(bytes, { level: DEFLATE_LEVEL });
  // zlib's result is a view of its 16 KB output chunk: a small part would keep the whole chunk while it waits.
  const data = deflated.buffer.byteLength > deflated.length + 1024 ? Buffer.from(deflated) : deflated;
  return { data, crc: crc32(bytes), size: bytes.length };
}

/** Random access to an archive's bytes, read synchronously: a file read piece by piece, or bytes in memory. */
export interface ArchiveBytes {
  readonly size: number;
  /** Up to `length` bytes from `at` (fewer only past the end). */
  read(at: number, length: number): Buffer;
}

/**
 * Bytes in memory as an {@link ArchiveBytes}.
 *
 * @example
 * readStoredEntries(bytesOfBuffer(await fs.readFile("goals.xlsx")))
 */
export function bytesOfBuffer(bytes: Buffer): ArchiveBytes {
  return { size: bytes.length, read: (at, length) => bytes.subarray(at, at + length) };
}

/** An archive's directory as read: its entries, and the bytes from the directory to the end, to tell later whether the file changed. */
export interface ArchiveDirectory {
  entries: StoredEntry[];
  /** Where the central directory starts. */
  at: number;
  /** The central directory and end records, as stored. */
  tail: Buffer;
}

/**
 * The entries of a zip archive in the order of its central directory, each with
 * where its stored bytes lie; `null` when the archive is laid out in a way this
 * reader does not follow (bytes before the first entry or after the end record,
 * an archive split over disks, an entry out of bounds, encrypted entries, a
 * compression other than deflate), so the caller can fall back to another reader.
 * Only the directory and each entry's local header are read.
 *
 * @example
 * const directory = readDirectory(bytesOfBuffer(await fs.readFile("goals.xlsx")));
 * directory?.entries.map((e) => e.name) // ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", …]
 */
export function readDirectory(archive: ArchiveBytes): ArchiveDirectory | null {
  const size = archive.size;
  const searchFrom = Math.max(0, size - 22 - MAX16);
  const tailBytes = archive.read(searchFrom, size - searchFrom);
  const endInTail = findEnd(tailBytes);
  if (endInTail < 0) return null;
  const end = searchFrom + endInTail;
  const record = tailBytes.subarray(endInTail);
  let count = record.readUInt16LE(10);
  let directorySize = record.readUInt32LE(12);
  let directoryAt = record.readUInt32LE(16);
  if (record.readUInt16LE(4) !== 0 || record.readUInt16LE(6) !== 0) return null;
  if (count === MAX16 || directorySize === MAX32 || directoryAt === MAX32) {
    if (end < 20) return null;
    const locator = archive.read(end - 20, 20);
    if (locator.readUInt32LE(0) !== SIGNATURE.locator64) return null;
    const at = readUInt64(locator, 8);
    if (at < 0 || at + 56 > size) return null;
    const end64 = archive.read(at, 56);
    if (end64.readUInt32LE(0) !== SIGNATURE.end64) return null;
    count = readUInt64(end64, 32);
    directorySize = readUInt64(end64, 40);
    directoryAt = readUInt64(end64, 48);
  }
  if (count < 0 || directorySize < 0 || directoryAt < 0 || directoryAt + directorySize > end) return null;
  const tail = Buffer.from(archive.read(directoryAt, size - directoryAt));
  const bytes = tail.subarray(0, directorySize);
  const entries: StoredEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== SIGNATURE.central) return null;
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    // Encrypted entries and other compressions are left to a reader that can refuse them.
    if (flags & FLAG_ENCRYPTED || (method !== METHOD_DEFLATE && method !== METHOD_STORE)) return null;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength + commentLength > bytes.length) return null;
    // Copied out of the directory's bytes, so an entry does not keep them all.
    const nameBytes = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength));
    const extraAll = bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    const comment = Buffer.from(bytes.subarray(p + 46 + nameLength + extraLength, p + 46 + nameLength + extraLength + commentLength));
    let compressedSize = bytes.readUInt32LE(p + 20);
    let size = bytes.readUInt32LE(p + 24);
    let localAt = bytes.readUInt32LE(p + 42);
    const { zip64, unicodePath, rest } = splitExtra(extraAll);
    // A name given again in a Unicode path field is read the way other readers read it, not here.
    if (unicodePath && !(flags & FLAG_UTF8)) return null;
    const zip64Entry = compressedSize === MAX32 || size === MAX32;
    if (zip64) {
      // The ZIP64 field holds, in this order, only the values whose own field is all ones.
      let q = 0;
      const wide = () => {
        const value = zip64.length >= q + 8 ? readUInt64(zip64, q) : -1;
        q += 8;
        return value;
      };
      if (size === MAX32) size = wide();
      if (compressedSize === MAX32) compressedSize = wide();
      if (localAt === MAX32) localAt = wide();
    }
    if (size < 0 || compressedSize < 0 || localAt < 0 || localAt + 30 > directoryAt) return null;
    const local = archive.read(localAt, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== SIGNATURE.local) return null;
    const dataAt = localAt + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    let recordEnd = dataAt + compressedSize;
    if (flags & FLAG_DESCRIPTOR) {
      const signed = recordEnd + 4 <= directoryAt && archive.read(recordEnd, 4).readUInt32LE(0) === SIGNATURE.descriptor;
      recordEnd += (signed ? 4 : 0) + (zip64Entry ? 20 : 12);
    }
    if (recordEnd > directoryAt) return null;
    entries.push({
      name: nameBytes.toString("utf8"),
      at: localAt,
      length: recordEnd - localAt,
      dataAt,
      central: {
        madeBy: bytes.readUInt16LE(p + 4),
        needed: bytes.readUInt16LE(p + 6),
        flags,
        method,
        time: bytes.readUInt16LE(p + 12),
        date: bytes.readUInt16LE(p + 14),
        crc: bytes.readUInt32LE(p + 16),
        compressedSize,
        size,
        nameBytes,
        extra: Buffer.from(rest),
        comment,
        internalAttributes: bytes.readUInt16LE(p + 36),
        externalAttributes: bytes.readUInt32LE(p + 38),
      },
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, at: directoryAt, tail };
}

/**
 * The entries of a zip archive held in memory; see {@link readDirectory}.
 *
 * @example
 * readStoredEntries(await fs.readFile("goals.xlsx"))?.map((e) => e.name) // ["[Content_Types].xml", …]
 */
export function readStoredEntries(bytes: Buffer): StoredEntry[] | null {
  return readDirectory(bytesOfBuffer(bytes))?.entries ?? null;
}

/** The end of central directory record, searched backwards past an archive comment of up to 64 KB. */
function findEnd(bytes: Buffer): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - MAX16; at--) {
    if (bytes.readUInt32LE(at) === SIGNATURE.end && at + 22 + bytes.readUInt16LE(at + 20) === bytes.length) return at;
  }
  return -1;
}

/** An unsigned 64-bit field as a number; -1 beyond what a number holds exactly. */
function readUInt64(bytes: Buffer, at: number): number {
  const value = bytes.readBigUInt64LE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(value);
}

/** Splits an extra field into its ZIP64 record's data and every other record, kept as it was; notes a Unicode path field. */
function splitExtra(extra: Buffer): { zip64: Buffer | null; unicodePath: boolean; rest: Buffer } {
  let zip64: Buffer | null = null;
  let unicodePath = false;
  const kept: Buffer[] = [];
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    const record = extra.subarray(q, q + 4 + length);
    if (id === ZIP64_EXTRA) zip64 = record.subarray(4);
    else kept.push(record);
    if (id === UNICODE_PATH_EXTRA) unicodePath = true;
    q += 4 + length;
  }
  return { zip64, unicodePath, rest: zip64 ? Buffer.concat(kept) : extra };
}

/** The MS-DOS time and date JSZip writes (UTC fields). */
function dosDateTime(when: Date): { time: number; date: number } {
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const date = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  return { time, date };
}

function isStored(entry: ArchiveEntry): entry is StoredEntry {
  return "central" in entry;
}

/** The local header and name of a new entry, followed by its data when written. */
function newLocalHeader(entry: NewEntry, data: Buffer, nameBytes: Buffer, stamp: { time: number; date: number }): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(SIGNATURE.local, 0);
  header.writeUInt16LE(VERSION.deflate, 4);
  header.writeUInt16LE(utf8Flag(entry.name), 6);
  header.writeUInt16LE(METHOD_DEFLATE, 8);
  header.writeUInt16LE(stamp.time, 10);
  header.writeUInt16LE(stamp.date, 12);
  header.writeUInt32LE(entry.content.crc, 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(entry.content.size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, nameBytes]);
}

function utf8Flag(name: string): number {
  return /^[\x20-\x7e]*$/.test(name) ? 0 : FLAG_UTF8;
}

/** One central directory record; ZIP64 fields are added only for values that do not fit in 32 bits. */
function centralRecord(c: StoredEntry["central"], localAt: number): Buffer {
  const wide: Buffer[] = [];
  const field = (value: number) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(value));
    wide.push(b);
  };
  if (c.size >= MAX32) field(c.size);
  if (c.compressedSize >= MAX32) field(c.compressedSize);
  if (localAt >= MAX32) field(localAt);
  let extra = c.extra;
  if (wide.length > 0) {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(ZIP64_EXTRA, 0);
    head.writeUInt16LE(wide.length * 8, 2);
    extra = Buffer.concat([head, ...wide, c.extra]);
  }
  const record = Buffer.alloc(46);
  record.writeUInt32LE(SIGNATURE.central, 0);
  record.writeUInt16LE(c.madeBy, 4);
  record.writeUInt16LE(wide.length > 0 ? Math.max(c.needed, VERSION.zip64) : c.needed, 6);
  record.writeUInt16LE(c.flags, 8);
  record.writeUInt16LE(c.method, 10);
  record.writeUInt16LE(c.time, 12);
  record.writeUInt16LE(c.date, 14);
  record.writeUInt32LE(c.crc, 16);
  record.writeUInt32LE(Math.min(c.compressedSize, MAX32), 20);
  record.writeUInt32LE(Math.min(c.size, MAX32), 24);
  record.writeUInt16LE(c.nameBytes.length, 28);
  record.writeUInt16LE(extra.length, 30);
  record.writeUInt16LE(c.comment.length, 32);
  record.writeUInt16LE(0, 34);
  record.writeUInt16LE(c.internalAttributes, 36);
  record.writeUInt32LE(c.externalAttributes, 38);
  record.writeUInt32LE(Math.min(localAt, MAX32), 42);
  return Buffer.concat([record, c.nameBytes, extra, c.comment]);
}

/** The end records: ZIP64 ones first when the count, size or offset of the directory needs them. */
function endRecords(count: number, directoryAt: number, directorySize: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIGNATURE.end, 0);
  end.writeUInt16LE(Math.min(count, MAX16), 8);
  end.writeUInt16LE(Math.min(count, MAX16), 10);
  end.writeUInt32LE(Math.min(directorySize, MAX32), 12);
  end.writeUInt32LE(Math.min(directoryAt, MAX32), 16);
  if (count < MAX16 && directoryAt < MAX32 && directorySize < MAX32) return end;
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(SIGNATURE.end64, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(VERSION.zip64, 12);
  end64.writeUInt16LE(VERSION.zip64, 14);
  end64.writeBigUInt64LE(BigInt(count), 24);
  end64.writeBigUInt64LE(BigInt(count), 32);
  end64.writeBigUInt64LE(BigInt(directorySize), 40);
  end64.writeBigUInt64LE(BigInt(directoryAt), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(SIGNATURE.locator64, 0);
  locator.writeBigUInt64LE(BigInt(directoryAt + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([end64, locator, end]);
}

/** Buffers per write call, well under the operating system's limit on one vectored write. */
const WRITE_BATCH = 512;
/** Bytes waiting to be written before they are: kept parts come in pieces of up to a megabyte. */
const WRITE_BYTES = 8 * 1024 * 1024;

/** Where stored entries' bytes are read from while a copy is written: the input file in pieces, or bytes in memory. */
export interface ArchiveReader {
  /** The `length` bytes from `at`, in pieces, each a buffer of its own. */
  pieces(at: number, length: number): AsyncIterable<Buffer>;
}

/**
 * Bytes in memory as an {@link ArchiveReader}.
 *
 * @example
 * await writeArchive(file, readStoredEntries(input) ?? [], { from: readerOfBuffer(input) });
 */
export function readerOfBuffer(bytes: Buffer): ArchiveReader {
  return {
    async *pieces(at, length) {
      if (at + length > bytes.length) throw new Error("a stored entry lies past the end of the archive");
      yield bytes.subarray(at, at + length);
    },
  };
}

export interface WriteArchiveOptions {
  /** Where stored entries are read from; required when there are any. */
  from?: ArchiveReader;
  /** The time stamp of new entries. */
  when?: Date;
}

/**
 * Writes an archive of `entries`, in their order, to a new file (`wx`: never over
 * an existing one). Stored entries are copied as they were stored, read from
 * `options.from` (entries that lie one after the other are read as one run, in
 * pieces); new ones get a local header of their own.
 *
 * @example
 * await writeArchive("/tmp/.out.xlsx.tmp", [...readStoredEntries(input) ?? [], { name: "xl/new.xml", content: packContent("<a/>") }], { from: readerOfBuffer(input) });
 */
export async function writeArchive(file: string, entries: ArchiveEntry[], options: WriteArchiveOptions = {}): Promise<void> {
  const stamp = dosDateTime(options.when ?? new Date());
  const handle = await fs.open(file, "wx");
  try {
    let offset = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const write = async (buffer: Buffer) => {
      pending.push(buffer);
      pendingBytes += buffer.length;
      offset += buffer.length;
      if (pending.length >= WRITE_BATCH || pendingBytes >= WRITE_BYTES) await flush();
    };
    const flush = async () => {
      if (pending.length > 0) await writeAll(handle, pending);
      pending = [];
      pendingBytes = 0;
    };
    const central: Buffer[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (isStored(entry)) {
        if (!options.from) throw new Error("stored entries need the archive they are read from");
        // The run of stored entries that lie one after the other in the input is read in one pass.
        let last = i;
        let length = entry.length;
        for (let next = entries[last + 1]; next && isStored(next) && next.at === entry.at + length; next = entries[last + 1]) {
          length += next.length;
          last++;
        }
        for (let k = i; k <= last; k++) {
          const kept = entries[k] as StoredEntry;
          central.push(centralRecord(kept.central, offset + kept.at - entry.at));
        }
        for await (const piece of options.from.pieces(entry.at, length)) await write(piece);
        i = last;
        continue;
      }
      const localAt = offset;
      const nameBytes = Buffer.from(entry.name, "utf8");
      const data = bytesOf(entry.content);
      await write(newLocalHeader(entry, data, nameBytes, stamp));
      await write(data);
      central.push(
        centralRecord(
          {
            madeBy: VERSION.madeBy,
            needed: VERSION.deflate,
            flags: utf8Flag(entry.name),
            method: METHOD_DEFLATE,
            ...stamp,
            crc: entry.content.crc,
            compressedSize: data.length,
            size: entry.content.size,
            nameBytes,
            extra: Buffer.alloc(0),
            comment: Buffer.alloc(0),
            internalAttributes: 0,
            externalAttributes: 0,
          },
          localAt,
        ),
      );
    }
    const directoryAt = offset;
    for (const record of central) await write(record);
    await write(endRecords(central.length, directoryAt, offset - directoryAt));
    await flush();
  } finally {
    await handle.close();
  }
}

/** Writes every buffer, resuming after a partial write. */
async function writeAll(handle: fs.FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length > 0) {
    const total = rest.reduce((sum, b) => sum + b.length, 0);
    const { bytesWritten } = await handle.writev(rest);
    if (bytesWritten >= total) return;
    let skip = bytesWritten;
    const next: Buffer[] = [];
    for (const b of rest) {
      if (skip >= b.length) skip -= b.length;
      else {
        next.push(skip > 0 ? b.subarray(skip) : b);
        skip = 0;
      }
    }
    rest = next;
  }
}
