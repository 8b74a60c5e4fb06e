// The morphological tokenizer. kuromoji's IPADIC takes ~0.7–1.1 s and ~360 MB to load, so it is
// loaded lazily (kuromoji-load.ts), once per process, and only when a header holds Japanese the
// dictionaries cannot segment.
import { packagedDicPath, type Tokenizer } from './kuromoji-load.js';

export interface MorphToken {
  surface: string;
  /** Part of speech, e.g. 名詞, 助詞, 動詞. */
  pos: string;
  posDetail: string;
  reading?: string;
  basic: string;
}

/** A lazily built tokenizer. Concurrent callers share one pending load; a failed load can be retried. */
export class MorphTokenizer {
  private pending: Promise<Tokenizer> | null = null;
  loaded = false;

  /** With `cacheDir`, kuromoji's dictionary is kept unpacked there (see kuromoji-load.ts). */
  constructor(
    private readonly dicPath: string = packagedDicPath(),
    private readonly cacheDir?: string,
  ) {}

  private load(): Promise<Tokenizer> {
    if (!this.pending) {
      // kuromoji's modules (~0.1 s to import) are loaded with its dictionary, not at start-up.
      this.pending = import('./kuromoji-load.js').then(({ buildTokenizer }) => buildTokenizer(this.dicPath, this.cacheDir)).then((tokenizer) => {
        this.loaded = true;
        return tokenizer;
      });
      this.pending.catch(() => {
        this.pending = null;
      });
    }
    return this.pending;
  }

  async tokenize(text: string): Promise<MorphToken[]> {
    const tokenizer = await this.load();
    // kuromoji throws on a lone surrogate (found by test/fuzz/headers.test.ts); each becomes U+FFFD,
    // one code unit for one, so offsets are unchanged.
    return slices(text.replace(LONE_SURROGATE, '\uFFFD')).flatMap((slice) => tokenizer.tokenize(slice)).map((t) => ({
      surface: t.surface_form,
      pos: t.pos,
      posDetail: t.pos_detail_1,
      reading: t.reading && t.reading !== '*' ? t.reading : undefined,
      basic: t.basic_form,
    }));
  }
}

/**
 * kuromoji groups a run of unknown characters (combining marks, RTL letters, emoji) in time
 * quadratic in the run: 4,000 combining marks took 7 s (found by test/fuzz/headers.test.ts). Text
 * longer than SLICE code units (never a real header) is tokenised in slices, which keeps it linear.
 */
const SLICE = 64;
function slices(text: string): string[] {
  if (text.length <= SLICE * 4) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + SLICE);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end++; // keep a surrogate pair whole
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
