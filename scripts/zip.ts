/**
 * A minimal ZIP writer (deflate or store, no ZIP64) on node:zlib, so packaging needs neither a system `zip`
 * nor a dependency. The output is reproducible: entries sorted by path, one fixed timestamp, fixed
 * permissions, so the same build gives byte-identical store packages.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Forward slashes, relative, no leading `./` or `/`. */
  path: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
/** Bit 11: names are UTF-8. */
const FLAG_UTF8 = 0x0800;
const VERSION_NEEDED = 20;
/** Made by Unix (3), spec 2.0, so unzip restores the file mode below. */
const VERSION_MADE_BY = (3 << 8) | 20;
/** Regular file, rw-r--r--, in the high half of the external attributes. */
const UNIX_FILE_MODE = (0o100644 << 16) >>> 0;
/** 1980-01-01 00:00, the earliest DOS date: a constant so rebuilds are identical. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (sorted.length > MAX_16) throw new Error(`too many files for a ZIP without ZIP64: ${sorted.length}`);
  const seen = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of sorted) {
    if (!isSafePath(entry.path)) throw new Error(`unsafe path in archive: "${entry.path}"`);
    if (seen.has(entry.path)) throw new Error(`duplicate path in archive: "${entry.path}"`);
    seen.add(entry.path);
    const name = Buffer.from(entry.path, 'utf8');
    const raw = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const deflated = deflateRawSync(raw, { level: 9 });
    const [method, body] = deflated.length < raw.length ? [METHOD_DEFLATE, deflated] : [METHOD_STORE, raw];
    if (raw.length > MAX_32 || offset > MAX_32) throw new Error('archive too large for a ZIP without ZIP64');
    const checksum = crc32(raw);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(FLAG_UTF8, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra field length, comment length, disk number, internal attributes: all 0 (Buffer.alloc zeroes).
    central.writeUInt32LE(UNIX_FILE_MODE, 38);
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  if (offset > MAX_32) throw new Error('archive too large for a ZIP without ZIP64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Stores and unzip tools reject (or worse, follow) absolute paths, backslashes and `..` segments. */
function isSafePath(path: string): boolean {
  return (
    path.length > 0 &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  );
}
