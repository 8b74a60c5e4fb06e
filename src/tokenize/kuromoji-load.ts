// Building kuromoji's IPADIC tokenizer, with its dictionary kept unpacked in the user's cache dir.
// Of kuromoji's ~1.1 s load on this machine, about two thirds is gunzip of its 17 MB of .dat.gz
// files into 100 MB and the copies around it (profiled in bench/README.md); the tokenizer itself is
// built from plain typed arrays. So the first load writes the unpacked files to the cache, and later
// loads read them as they are. Any cache error only costs the gunzip: the packaged files are used.
//
// kuromoji 0.1.2 (its last release, pinned by the lockfile) has no public hook for the loader, so
// this subclasses its DictionaryLoader and builds its Tokenizer from the loaded dictionaries, which
// is what kuromoji.builder().build() does with its own Node loader.
import { existsSync, mkdirSync, readFile, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { gunzip } from 'node:zlib';
import type kuromoji from 'kuromoji';

export type Tokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

type Done = (error: Error | null, buffer?: ArrayBuffer) => void;
interface DictionaryLoader {
  loadArrayBuffer(file: string, done: Done): void;
  load(done: (error: Error | null, dic: unknown) => void): void;
}

const require = createRequire(import.meta.url);

/** The dicPath of the packaged IPADIC (kuromoji's default is relative to the working directory). */
export function packagedDicPath(): string {
  return join(dirname(require.resolve('kuromoji/package.json')), 'dict') + '/';
}

/**
 * The directory of the unpacked dictionary for these packaged files: named by kuromoji's version and
 * the packaged files' total size, so another kuromoji or dictionary never reads a stale copy.
 */
export function unpackedDir(cacheDir: string, dicPath: string): string | undefined {
  try {
    const version = (JSON.parse(readFileSync(require.resolve('kuromoji/package.json'), 'utf8')) as { version: string }).version;
    const size = readdirSync(dicPath)
      .filter((f) => f.endsWith('.dat.gz'))
      .reduce((sum, f) => sum + statSync(join(dicPath, f)).size, 0);
    return join(cacheDir, `kuromoji-${version}-${size}`);
  } catch {
    return undefined;
  }
}

/** Marks a complete unpacked copy; written last, after every file is in place. */
const COMPLETE = 'complete';

/** An exact ArrayBuffer of a file's bytes: small reads share Node's buffer pool and must be copied out. */
function arrayBufferOf(buffer: Buffer): ArrayBuffer {
  const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  return (whole ? buffer.buffer : buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)) as ArrayBuffer;
}

/**
 * Loads kuromoji's tokenizer from `dicPath`. With `cacheDir`, reads the unpacked copy when one is
 * complete, and otherwise unpacks the packaged files and then writes the copy for next time.
 */
export function buildTokenizer(dicPath: string, cacheDir?: string): Promise<Tokenizer> {
  const Base = require('kuromoji/src/loader/DictionaryLoader.js') as new (dicPath: string) => DictionaryLoader;
  const TokenizerOf = require('kuromoji/src/Tokenizer.js') as new (dic: unknown) => Tokenizer;
  const unpacked = cacheDir ? unpackedDir(cacheDir, dicPath) : undefined;
  const fromCache = unpacked !== undefined && existsSync(join(unpacked, COMPLETE));
  const toWrite = new Map<string, ArrayBuffer>();

  const loader = new Base(dicPath);
  // kuromoji calls loadArrayBuffer detached from the loader, so it must not use `this`.
  loader.loadArrayBuffer = (file: string, done: Done) => {
    if (fromCache) {
      // The unpacked copy is read as it is; should it fail half-way, the packaged file still works.
      try {
        return done(null, arrayBufferOf(readFileSync(join(unpacked!, basename(file, '.gz')))));
      } catch {
        // fall through to the packaged file
      }
    }
    readPacked(file, (error, buffer) => {
      if (buffer && unpacked) toWrite.set(basename(file, '.gz'), buffer);
      done(error, buffer);
    });
  };
  return new Promise((resolve, reject) => {
    loader.load((error, dic) => {
      if (error) return reject(error);
      // Thrown in kuromoji's callback, an error would leave the promise pending for ever.
      try {
        const tokenizer = new TokenizerOf(dic);
        if (!fromCache && unpacked) writeUnpacked(unpacked, toWrite);
        resolve(tokenizer);
      } catch (thrown) {
        reject(thrown as Error);
      }
    });
  });
}

/** What kuromoji's own Node loader does: read a packaged file and gunzip it. */
function readPacked(file: string, done: Done): void {
  readFile(file, (error, packed) => {
    if (error) return done(error);
    gunzip(packed, (error2, raw) => (error2 ? done(error2) : done(null, arrayBufferOf(raw))));
  });
}

/** Writes the unpacked copy to a temporary directory renamed into place, so readers never see half of it. */
function writeUnpacked(dir: string, files: Map<string, ArrayBuffer>): void {
  const temp = `${dir}.${process.pid}.tmp`;
  try {
    mkdirSync(temp, { recursive: true });
    for (const [name, buffer] of files) writeFileSync(join(temp, name), new Uint8Array(buffer));
    writeFileSync(join(temp, COMPLETE), '');
    renameSync(temp, dir);
  } catch {
    // Not writable, full, or another process won the rename: the next load unpacks again.
    try {
      rmSync(temp, { recursive: true, force: true });
    } catch {
      // nothing was written
    }
  }
}
