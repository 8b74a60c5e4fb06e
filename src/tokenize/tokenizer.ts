// The only kuromoji import. kuromoji's IPADIC takes ~0.7 s and ~360 MB to load, so it is loaded
// lazily, once per process, and only when a header holds Japanese the dictionaries cannot segment.
import type kuromoji from 'kuromoji';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface MorphToken {
  surface: string;
  /** Part of speech, e.g. 名詞, 助詞, 動詞. */
  pos: string;
  posDetail: string;
  reading?: string;
  basic: string;
}

type Tokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

/** A lazily built tokenizer. Concurrent callers share one pending load; a failed load can be retried. */
export class MorphTokenizer {
  private pending: Promise<Tokenizer> | null = null;
  loaded = false;

  constructor(private readonly dicPath: string = defaultDicPath()) {}

  private load(): Promise<Tokenizer> {
    if (!this.pending) {
      // The module itself (~0.1 s to import) is loaded with its dictionary, not at start-up.
      this.pending = import('kuromoji').then(({ default: kuromoji }) => new Promise<Tokenizer>((resolve, reject) => {
        kuromoji.builder({ dicPath: this.dicPath }).build((error, tokenizer) => {
          if (error) reject(error);
          else {
            this.loaded = true;
            resolve(tokenizer);
          }
        });
      }));
      this.pending.catch(() => {
        this.pending = null;
      });
    }
    return this.pending;
  }

  async tokenize(text: string): Promise<MorphToken[]> {
    const tokenizer = await this.load();
    return tokenizer.tokenize(text).map((t) => ({
      surface: t.surface_form,
      pos: t.pos,
      posDetail: t.pos_detail_1,
      reading: t.reading && t.reading !== '*' ? t.reading : undefined,
      basic: t.basic_form,
    }));
  }
}

/** kuromoji's default dicPath is relative to the working directory; resolve it from the package. */
function defaultDicPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('kuromoji/package.json')), 'dict') + '/';
}
