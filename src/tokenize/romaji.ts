// Romaji spellings generated from a katakana reading, so that dictionaries carry one reading and
// still match shimei/simei, jusho/zyuusyo, kojin_bango/kozin_bangou.

type System = 'hepburn' | 'kunrei';

const BASE: Record<string, [string, string]> = {
  ア: ['a', 'a'], イ: ['i', 'i'], ウ: ['u', 'u'], エ: ['e', 'e'], オ: ['o', 'o'],
  カ: ['ka', 'ka'], キ: ['ki', 'ki'], ク: ['ku', 'ku'], ケ: ['ke', 'ke'], コ: ['ko', 'ko'],
  サ: ['sa', 'sa'], シ: ['shi', 'si'], ス: ['su', 'su'], セ: ['se', 'se'], ソ: ['so', 'so'],
  タ: ['ta', 'ta'], チ: ['chi', 'ti'], ツ: ['tsu', 'tu'], テ: ['te', 'te'], ト: ['to', 'to'],
  ナ: ['na', 'na'], ニ: ['ni', 'ni'], ヌ: ['nu', 'nu'], ネ: ['ne', 'ne'], ノ: ['no', 'no'],
  ハ: ['ha', 'ha'], ヒ: ['hi', 'hi'], フ: ['fu', 'hu'], ヘ: ['he', 'he'], ホ: ['ho', 'ho'],
  マ: ['ma', 'ma'], ミ: ['mi', 'mi'], ム: ['mu', 'mu'], メ: ['me', 'me'], モ: ['mo', 'mo'],
  ヤ: ['ya', 'ya'], ユ: ['yu', 'yu'], ヨ: ['yo', 'yo'],
  ラ: ['ra', 'ra'], リ: ['ri', 'ri'], ル: ['ru', 'ru'], レ: ['re', 're'], ロ: ['ro', 'ro'],
  ワ: ['wa', 'wa'], ヲ: ['o', 'o'], ン: ['n', 'n'],
  ガ: ['ga', 'ga'], ギ: ['gi', 'gi'], グ: ['gu', 'gu'], ゲ: ['ge', 'ge'], ゴ: ['go', 'go'],
  ザ: ['za', 'za'], ジ: ['ji', 'zi'], ズ: ['zu', 'zu'], ゼ: ['ze', 'ze'], ゾ: ['zo', 'zo'],
  ダ: ['da', 'da'], ヂ: ['ji', 'zi'], ヅ: ['zu', 'zu'], デ: ['de', 'de'], ド: ['do', 'do'],
  バ: ['ba', 'ba'], ビ: ['bi', 'bi'], ブ: ['bu', 'bu'], ベ: ['be', 'be'], ボ: ['bo', 'bo'],
  パ: ['pa', 'pa'], ピ: ['pi', 'pi'], プ: ['pu', 'pu'], ペ: ['pe', 'pe'], ポ: ['po', 'po'],
  ヴ: ['vu', 'vu'],
};

const YOON: Record<string, [string, string]> = {
  キャ: ['kya', 'kya'], キュ: ['kyu', 'kyu'], キョ: ['kyo', 'kyo'],
  シャ: ['sha', 'sya'], シュ: ['shu', 'syu'], ショ: ['sho', 'syo'], シェ: ['she', 'sye'],
  チャ: ['cha', 'tya'], チュ: ['chu', 'tyu'], チョ: ['cho', 'tyo'], チェ: ['che', 'tye'],
  ニャ: ['nya', 'nya'], ニュ: ['nyu', 'nyu'], ニョ: ['nyo', 'nyo'],
  ヒャ: ['hya', 'hya'], ヒュ: ['hyu', 'hyu'], ヒョ: ['hyo', 'hyo'],
  ミャ: ['mya', 'mya'], ミュ: ['myu', 'myu'], ミョ: ['myo', 'myo'],
  リャ: ['rya', 'rya'], リュ: ['ryu', 'ryu'], リョ: ['ryo', 'ryo'],
  ギャ: ['gya', 'gya'], ギュ: ['gyu', 'gyu'], ギョ: ['gyo', 'gyo'],
  ジャ: ['ja', 'zya'], ジュ: ['ju', 'zyu'], ジョ: ['jo', 'zyo'], ジェ: ['je', 'zye'],
  ビャ: ['bya', 'bya'], ビュ: ['byu', 'byu'], ビョ: ['byo', 'byo'],
  ピャ: ['pya', 'pya'], ピュ: ['pyu', 'pyu'], ピョ: ['pyo', 'pyo'],
  ファ: ['fa', 'fa'], フィ: ['fi', 'fi'], フェ: ['fe', 'fe'], フォ: ['fo', 'fo'],
  ティ: ['ti', 'ti'], ディ: ['di', 'di'], ウィ: ['wi', 'wi'], ウェ: ['we', 'we'],
};

function spell(reading: string, system: System): string | null {
  const col = system === 'hepburn' ? 0 : 1;
  let out = '';
  let geminate = false;
  const chars = [...reading];
  for (let i = 0; i < chars.length; i++) {
    const pair = chars[i] + (chars[i + 1] ?? '');
    let syllable: string | undefined;
    if (YOON[pair]) {
      syllable = YOON[pair][col];
      i++;
    } else if (chars[i] === 'ッ') {
      geminate = true;
      continue;
    } else if (chars[i] === 'ー') {
      const vowel = out.at(-1);
      if (vowel && 'aiueo'.includes(vowel)) out += vowel;
      continue;
    } else {
      syllable = BASE[chars[i]]?.[col];
    }
    if (syllable === undefined) return null; // not pure katakana: no romaji
    if (geminate) {
      out += syllable.startsWith('ch') ? 't' : syllable[0];
      geminate = false;
    }
    out += syllable;
  }
  return out;
}

/** A long vowel as spelled out (ou, uu, oo, and ii not at the end). */
const LONG_VOWEL = /ou|uu|oo|ii(?!$)/g;
/** Beyond this many long vowels only the all-kept and all-dropped spellings are made. */
const MAX_MIXED_LONG_VOWELS = 3;

/**
 * Long vowels are commonly dropped in romaji field names (bangou → bango, juusho → jusho), and not
 * always all of them (sekkekkyuusu for sekkekkyuusuu): every choice of kept and dropped ones.
 */
function longVowelForms(text: string): string[] {
  const at = [...text.matchAll(LONG_VOWEL)].map((m) => m.index!);
  const drop = (keep: (k: number) => boolean) => {
    let out = '';
    let from = 0;
    at.forEach((index, k) => {
      out += text.slice(from, index + 1) + (keep(k) ? text[index + 1] : '');
      from = index + 2;
    });
    return out + text.slice(from);
  };
  if (at.length > MAX_MIXED_LONG_VOWELS) return [text, drop(() => false)];
  const forms: string[] = [];
  for (let mask = 0; mask < 1 << at.length; mask++) forms.push(drop((k) => (mask & (1 << k)) !== 0));
  return forms;
}

/** All romaji spellings of a katakana reading (Hepburn and Kunrei, with and without long vowels). */
export function romajiVariants(reading: string): string[] {
  const variants = new Set<string>();
  for (const system of ['hepburn', 'kunrei'] as const) {
    const spelled = spell(reading, system);
    if (!spelled) continue;
    for (const form of [spelled, spelled.replace(/zy/g, 'jy')]) for (const variant of longVowelForms(form)) variants.add(variant);
  }
  return [...variants];
}
