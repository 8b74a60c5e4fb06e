// In-process measurements for bench/run.mjs (run as a child: `node bench/micro.mjs headers|values`):
// header classification throughput after start-up, and value detection (kojin's ColumnProfiler)
// against openredaction over the same cell values. Prints one JSON line; never prints a value.
// `split`: the ways to turn the large CSV into records. `allrows`: where --all-rows spends its CPU,
// stage by stage (read, decode, split, profile), over the whole large CSV in one thread.
import { LARGE_HEADERS } from './generate.mjs';

const mode = process.argv[2];
const scale = Number(process.env.BENCH_SCALE ?? 1);

if (mode === 'headers') {
  const { buildDictionary } = await import('../dist/dictionary/index.js');
  const { HeaderClassifier } = await import('../dist/classify/classifier.js');
  const { MorphTokenizer } = await import('../dist/tokenize/tokenizer.js');
  const dictionary = buildDictionary();
  const morph = new MorphTokenizer();
  const classifier = new HeaderClassifier(dictionary, morph);
  // Start-up: kuromoji is loaded before the clock starts (some generated headers leave Japanese
  // residue, e.g. the terms of entries that apply only in context), and the classifier warmed.
  await morph.tokenize('顧客の好きな食べ物');
  await classifier.classify('顧客の好きな食べ物');
  // Terms of entries that apply only in a file's context are unknown words here: they would send
  // a few hundred headers to kuromoji and make the set incomparable with runs before such entries.
  const terms = [...new Set(dictionary.entries.filter((e) => !e.context).flatMap((e) => [e.term, ...(e.aliases?.en ?? [])]))];
  const prefixes = ['', '顧客', '従業員', '取引先', '配偶者', '本人', '旧', '新', '第1', '第2', 'customer_', 'employee_', 'old_', 'new_', 'main_', '会員', '担当者', '申込者', '保護者', '店舗'];
  const suffixes = ['', '_1', '2', '（任意）', '_code', 'コード', '区分', '_flag', '(必須)', '_old'];
  const headers = [];
  const seen = new Set();
  const target = Math.max(20_000, Math.round(200_000 * scale));
  outer: for (const s of suffixes)
    for (const p of prefixes)
      for (const t of terms) {
        const h = `${p}${t}${s}`;
        if (!seen.has(h)) {
          seen.add(h);
          headers.push(h);
          if (headers.length >= target) break outer;
        }
      }
  const t0 = performance.now();
  for (const h of headers) await classifier.classify(h);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({ headers: headers.length, seconds, perSecond: headers.length / seconds, kuromojiLoaded: morph.loaded }) + '\n');
} else if (mode === 'values') {
  const { ColumnProfiler } = await import('../dist/values/profiler.js');
  const { OpenRedaction } = await import('openredaction');
  // The cells of the large CSV's first rows (a separate seeded stream of the same generator).
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(new URL('./corpus/one-mib.csv', import.meta.url), 'utf8').split('\n').slice(1).filter(Boolean);
  const width = LARGE_HEADERS.length;
  const rows = lines.map((l) => l.split(','));
  const orRows = rows.slice(0, 200); // 4,000 cells: openredaction takes ~1-2 ms a cell
  const orCells = orRows.length * width;
  const profile = (rowsIn) => {
    const profilers = Array.from({ length: width }, () => new ColumnProfiler());
    for (const row of rowsIn) for (let i = 0; i < width; i++) profilers[i].add(row[i] ?? '');
    return profilers.map((p, i) => p.result({ subcategory: null })).length;
  };
  // kojin over the same 4,000 cells, repeated with fresh profilers to time it, then over all rows.
  profile(orRows);
  let reps = 0;
  const k0 = performance.now();
  while (performance.now() - k0 < 1000) (profile(orRows), reps++);
  const kojinSame = (reps * orCells) / ((performance.now() - k0) / 1000);
  const k1 = performance.now();
  profile(rows);
  const kojinAll = (rows.length * width) / ((performance.now() - k1) / 1000);
  const detector = new OpenRedaction();
  await detector.detect('warm up 090-1234-5678');
  const o0 = performance.now();
  let found = 0;
  for (const row of orRows) for (let i = 0; i < width; i++) found += (await detector.detect(row[i] ?? '')).detections?.length ?? 0;
  const orSeconds = (performance.now() - o0) / 1000;
  process.stdout.write(JSON.stringify({ cells: orCells, kojinCellsPerSecond: kojinSame, kojinAllRowsCellsPerSecond: kojinAll, allRowsCells: rows.length * width, openredactionCellsPerSecond: orCells / orSeconds, openredactionDetections: found }) + '\n');
} else if (mode === 'split') {
  // --all-rows over CSV: the ways to turn the large CSV's bytes into records, over its first
  // `limit` records (decode included; no value profiling).
  const { openFile } = await import('../dist/read/source.js');
  const { detectEncoding } = await import('../dist/read/decode.js');
  const { openRecords } = await import('../dist/read/records.js');
  const { openFastRecords, openFastBatches } = await import('../dist/read/fast-csv.js');
  const { DEFAULT_LIMITS } = await import('../dist/read/types.js');
  const { parse } = await import('csv-parse');
  const { createReadStream } = await import('node:fs');
  const file = new URL('./corpus/large.csv', import.meta.url).pathname;
  const limit = Math.round(400_000 * Math.min(1, scale * 4));
  const results = {};
  const viaStream = async (name, open) => {
    const src = await openFile(file);
    const enc = detectEncoding(src.head, src.complete);
    const t = performance.now();
    const rs = open(src, enc);
    let n = 0;
    let chars = 0;
    for (; n < limit; n++) {
      const r = await rs.next();
      if (!r) break;
      for (const c of r.cells) chars += c.length + 1;
    }
    rs.close();
    results[name] = { records: n, seconds: (performance.now() - t) / 1000 };
  };
  const dialect = { delimiter: ',', quote: '"' };
  await viaStream('csv-parse as kojin configures it (relax, info)', (src, enc) => openRecords(src, enc, dialect, DEFAULT_LIMITS));
  await viaStream('fast splitter as records (src/read/fast-csv.ts, cells sliced to strings)', (src, enc) => openFastRecords(src, enc, dialect, DEFAULT_LIMITS));
  {
    // What --all-rows uses: batches of cell spans, no string per cell.
    const src = await openFile(file);
    const enc = detectEncoding(src.head, src.complete);
    const t = performance.now();
    const batches = openFastBatches(src, enc, dialect, DEFAULT_LIMITS);
    let n = 0;
    while (n < limit) {
      const b = await batches.next();
      if (!b) break;
      n += b.rows;
    }
    batches.close();
    results['fast splitter as cell spans (what --all-rows profiles)'] = { records: n, seconds: (performance.now() - t) / 1000 };
  }
  try {
    // fast-csv (@fast-csv/parse, present as exceljs's dependency): another streaming parser.
    const { parse: fastCsv } = await import('@fast-csv/parse');
    const t = performance.now();
    let n = 0;
    for await (const _ of createReadStream(file).pipe(fastCsv({ maxRows: limit }))) n++;
    results['fast-csv (@fast-csv/parse), defaults'] = { records: n, seconds: (performance.now() - t) / 1000 };
  } catch {
    // not installed: no row
  }
  for (const [name, options] of [
    ['csv-parse, relax, no info', { relax_column_count: true, relax_quotes: true }],
    ['csv-parse, defaults', {}],
  ]) {
    const t = performance.now();
    const parser = createReadStream(file).pipe(parse({ ...options, to: limit }));
    let n = 0;
    for await (const _ of parser) n++;
    results[name] = { records: n, seconds: (performance.now() - t) / 1000 };
  }
  const bytesPerRecord = (await import('node:fs')).statSync(file).size / JSON.parse((await import('node:fs')).readFileSync(new URL('./corpus/manifest.json', import.meta.url), 'utf8')).cases.large.rows;
  for (const r of Object.values(results)) r.mibPerSecond = (r.records * bytesPerRecord) / 1048576 / r.seconds;
  process.stdout.write(JSON.stringify(results) + '\n');
} else if (mode === 'allrows') {
  // CPU seconds of each stage over the whole large CSV (the second of two passes, so the JIT is warm).
  const { createReadStream, statSync } = await import('node:fs');
  const { openFile } = await import('../dist/read/source.js');
  const { detectEncoding, ChunkDecoder } = await import('../dist/read/decode.js');
  const { openFastBatches } = await import('../dist/read/fast-csv.js');
  const { DEFAULT_LIMITS } = await import('../dist/read/types.js');
  const { profile } = await import('../dist/parallel/columns.js');
  const { ColumnProfiler, MEMO_DEFAULT_ENTRIES } = await import('../dist/values/profiler.js');
  const file = new URL('./corpus/large.csv', import.meta.url).pathname;
  const mib = statSync(file).size / 1048576;
  const results = {};
  const stage = async (name, run) => {
    let seconds = 0;
    for (let pass = 0; pass < 2; pass++) {
      const c0 = process.cpuUsage();
      await run();
      const c = process.cpuUsage(c0);
      seconds = (c.user + c.system) / 1e6;
    }
    results[name] = { cpuSeconds: seconds, mibPerCpuSecond: mib / seconds };
  };
  const batches = async (each) => {
    const src = await openFile(file);
    const bs = openFastBatches(src, detectEncoding(src.head, src.complete), { delimiter: ',', quote: '"' }, DEFAULT_LIMITS);
    for (let b = await bs.next(); b; b = await bs.next()) each(b);
  };
  const columns = LARGE_HEADERS.length;
  const profileSome = (take, memoEntries) => {
    const profilers = Array.from({ length: columns }, () => new ColumnProfiler({ memoEntries }));
    const mask = Array.from({ length: columns }, (_, c) => take(c));
    return batches((b) => profile(b, profilers, mask));
  };
  // The generator's columns whose values are all different (IDs, postal codes, addresses, phones,
  // e-mail, My Numbers, accounts): the memo cannot help them.
  const unique = new Set(['社員番号', '郵便番号', '住所', '電話番号', 'メールアドレス', '個人番号', '口座番号', '緊急連絡先'].map((h) => LARGE_HEADERS.indexOf(h)));
  const memo = Math.min(MEMO_DEFAULT_ENTRIES, Math.floor(2 ** 18 / columns));
  await stage('read (fs.createReadStream)', async () => {
    for await (const _ of createReadStream(file)) {}
  });
  await stage('read + decode (ChunkDecoder, UTF-8)', async () => {
    const d = new ChunkDecoder({ name: 'utf-8', label: 'utf-8', bomBytes: 0 });
    for await (const chunk of createReadStream(file)) d.write(chunk);
  });
  await stage('read + decode + split into cell spans', () => batches(() => {}));
  await stage(`... + profile the ${unique.size} unique-value columns`, () => profileSome((c) => unique.has(c), memo));
  await stage(`... + profile the ${columns - unique.size} repeating columns`, () => profileSome((c) => !unique.has(c), memo));
  await stage(`... + profile all ${columns} columns (what --all-rows does)`, () => profileSome(() => true, memo));
  await stage(`... + profile all ${columns} columns, memo off`, () => profileSome(() => true, 0));
  process.stdout.write(JSON.stringify(results) + '\n');
} else {
  throw new Error(`unknown mode ${mode}`);
}
