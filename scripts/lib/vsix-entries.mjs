// Reads the file list of a .vsix (a zip) from its central directory, without unzipping it.
import { readFile } from 'node:fs/promises';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** `[{name, size}]` for every file in the archive, `size` uncompressed. */
export async function vsixEntries(file) {
  const data = await readFile(file);
  const end = findEndRecord(data, file);
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count; index++) {
    if (data.readUInt32LE(offset) !== DIRECTORY_ENTRY) {
      throw new Error(`${file}: broken zip directory at entry ${index}`);
    }
    const size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(data, file) {
  const lowest = Math.max(0, data.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let offset = data.length - END_RECORD_SIZE; offset >= lowest; offset--) {
    if (data.readUInt32LE(offset) === END_OF_DIRECTORY) return offset;
  }
  throw new Error(`${file} is not a zip archive (no end of central directory)`);
}

/** What must never ship: sources, tests, dependencies, build output, source maps, CI. */
const FORBIDDEN = [
  /^extension\/(src|test|out|node_modules|scripts|bench|\.ci|\.e2e-work|test-output)\//,
  /\.map$/,
  /\.tsx?$/,
  /^extension\/tsconfig\.json$/,
  /^extension\/package-lock\.json$/,
  /(^|\/)\.[^/]+$/,
];

/** The entries that should not be in the package. */
export function forbiddenEntries(entries) {
  return entries.filter((entry) => FORBIDDEN.some((pattern) => pattern.test(entry.name)));
}
