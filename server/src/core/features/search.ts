import Fuse, { type IFuseOptions } from 'fuse.js';
import type { DocKind, RationaleDocument } from '../documents/document.js';
import { idKey } from '../documents/ids.js';

/**
 * Fuzzy search over goals, projects and decisions: ids, aliases, titles and text. Used by the CLI's
 * `search` and the editor's Find Decision.
 *
 * fuse.js scans every record on every query (about 177 ms over 10,000 records here), so it only ever
 * ranks a small candidate set. Candidates come from a word index built once: documents containing a
 * query word, a word that contains it, or a word within a typo of it (by shared trigrams). fuse.js
 * then ranks the candidates' ids and titles, and that rank is blended with how well the words
 * matched, so a document that only mentions the query in its text still ranks, below title hits.
 * Exact id and alias hits come first, before any fuzzy ranking.
 */
export interface SearchHit {
  document: RationaleDocument;
  /** 0 is a perfect match, 1 no match (fuse.js convention); exact id hits are 0. */
  score: number;
  /** The query is the document's id or one of its aliases (`ADR-7`, `adr 0007`, `7`, the slug). */
  exact: boolean;
}

export interface SearchOptions {
  /** At most this many hits (default 20). */
  limit?: number;
  /** Only documents of these kinds. */
  kinds?: readonly DocKind[];
}

export interface SearchIndexOptions {
  /** The searchable text of a document (default: its summary). The CLI may pass the whole body. */
  textOf?: (doc: RationaleDocument) => string;
  /** Largest candidate set handed to fuse.js (default 100). */
  maxCandidates?: number;
}

interface Entry {
  doc: RationaleDocument;
  keys: Set<string>;
  /** Title and id words run together, so `datefns` finds `date-fns` and `nodejs` `Node.js`. */
  compactHead: string;
  record: FuseRecord;
}

interface FuseRecord {
  i: number;
  id: string;
  aliases: readonly string[];
  title: string;
}

/** Where a vocabulary word occurs: entry indices, in the head (id, aliases, title) and in the text. */
interface Postings {
  head: number[];
  text: number[];
}

const fuseOptions: IFuseOptions<FuseRecord> = {
  keys: [
    { name: 'id', weight: 3 },
    { name: 'aliases', weight: 2 },
    { name: 'title', weight: 3 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.5,
  useTokenSearch: true,
};

/** How much a query word counts, by where and how it matched. */
const weights = { head: { exact: 1, partial: 0.8, fuzzy: 0.6 }, text: { exact: 0.45, partial: 0.35, fuzzy: 0.25 } };

/** Queries longer than this are cut: nobody types more, and it bounds the work. */
const maxQueryLength = 200;

export class DocumentSearch {
  private readonly entries: Entry[] = [];
  private readonly vocabulary = new Map<string, Postings>();
  private readonly words: string[] = [];
  private readonly trigrams = new Map<string, number[]>();
  /** Entries by the trigrams of their compact head, to find `datefns` in `Use date-fns` without a scan. */
  private readonly headTrigrams = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();
  private readonly byNumber = new Map<number, number[]>();
  private readonly maxCandidates: number;
  /** Per-entry score buffers, reused across queries (search is synchronous) to spare the GC. */
  private scratch = { total: new Float64Array(0), best: new Float64Array(0) };

  constructor(documents: Iterable<RationaleDocument>, options: SearchIndexOptions = {}) {
    const textOf = options.textOf ?? ((d: RationaleDocument) => d.summary);
    this.maxCandidates = options.maxCandidates ?? 50;
    for (const doc of documents) {
      const i = this.entries.length;
      this.entries.push({
        doc,
        keys: new Set([doc.id, ...doc.aliases].map(idKey)),
        compactHead: wordsOf(`${doc.id} ${doc.title}`).join(''),
        record: { i, id: doc.id, aliases: doc.aliases, title: doc.title },
      });
      for (const key of this.entries[i].keys) push(this.byKey, key, i);
      if (doc.number !== undefined) push(this.byNumber, doc.number, i);
      for (const t of trigramsOf(this.entries[i].compactHead)) push(this.headTrigrams, t, i);
      for (const w of wordsOf([doc.id, ...doc.aliases, doc.title].join(' '))) this.post(w, i, 'head');
      for (const w of wordsOf(textOf(doc) ?? '')) this.post(w, i, 'text');
    }
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    const q = query.trim().slice(0, maxQueryLength);
    if (!q || limit <= 0) return [];
    const allowed = (e: Entry) => !options.kinds || options.kinds.includes(e.doc.kind);

    const hits: SearchHit[] = [];
    const taken = new Set<number>();
    for (const i of this.exactMatches(q)) {
      if (!allowed(this.entries[i])) continue;
      hits.push({ document: this.entries[i].doc, score: 0, exact: true });
      taken.add(i);
    }
    if (hits.length >= limit) return hits.slice(0, limit);

    const { touched, total } = this.prefilter(q);
    const eligible = taken.size === 0 && !options.kinds ? touched : touched.filter((i) => !taken.has(i) && allowed(this.entries[i]));
    const candidates = topByScore(eligible, total, this.maxCandidates);
    const preScore = new Map(candidates.map((i) => [i, total[i]]));
    for (const i of touched) total[i] = 0; // the scratch buffer is reused by the next query
    if (candidates.length === 0) return hits;

    const fuzzy = new Map<number, number>();
    const fuse = new Fuse(candidates.map((i) => this.entries[i].record), fuseOptions);
    for (const r of fuse.search(q)) fuzzy.set(r.item.i, r.score ?? 1);
    const ranked = candidates
      .map((i) => ({ i, score: ((fuzzy.get(i) ?? 1) + (1 - preScore.get(i)!)) / 2 }))
      .sort((a, b) => a.score - b.score || a.i - b.i);
    for (const r of ranked.slice(0, limit - hits.length)) hits.push({ document: this.entries[r.i].doc, score: r.score, exact: false });
    return hits;
  }

  private post(word: string, i: number, field: 'head' | 'text'): void {
    let p = this.vocabulary.get(word);
    if (!p) {
      p = { head: [], text: [] };
      this.vocabulary.set(word, p);
      const wi = this.words.length;
      this.words.push(word);
      for (const t of trigramsOf(word)) {
        const list = this.trigrams.get(t);
        if (list) list.push(wi);
        else this.trigrams.set(t, [wi]);
      }
    }
    const list = p[field];
    if (list[list.length - 1] !== i) list.push(i);
  }

  /** Entries whose id or alias is the query, canonical ids before aliases; a bare number matches numbered documents. */
  private exactMatches(q: string): number[] {
    const key = idKey(q);
    const out: number[] = [...(this.byKey.get(key) ?? [])];
    if (/^\d+$/.test(q)) for (const i of this.byNumber.get(Number(q)) ?? []) if (!out.includes(i)) out.push(i);
    const rank = (i: number) => (idKey(this.entries[i].doc.id) === key ? 0 : 1) * 10 + (this.entries[i].doc.kind === 'decision' ? 0 : 1);
    return out.sort((a, b) => rank(a) - rank(b) || a - b);
  }

  /**
   * The cheap part: for each query word, the vocabulary words equal to it, containing it, or sharing
   * enough trigrams with it (so `postgers` finds `postgres`), and the entries they occur in. The
   * score is the mean over query words of the best match each found, in 0..1.
   */
  private prefilter(q: string): { touched: number[]; total: Float64Array } {
    const queryWords = [...new Set(wordsOf(q))];
    const n = this.entries.length;
    if (this.scratch.total.length !== n) this.scratch = { total: new Float64Array(n), best: new Float64Array(n) };
    const { total, best } = this.scratch;
    const touched: number[] = [];
    if (queryWords.length === 0) return { touched, total };
    for (const w of queryWords) {
      const bestTouched: number[] = [];
      const credit = (p: Postings, kind: 'exact' | 'partial' | 'fuzzy') => {
        const h = weights.head[kind];
        const t = weights.text[kind];
        for (const i of p.head) {
          if (best[i] === 0) bestTouched.push(i);
          if (best[i] < h) best[i] = h;
        }
        for (const i of p.text) {
          if (best[i] === 0) bestTouched.push(i);
          if (best[i] < t) best[i] = t;
        }
      };
      const exact = this.vocabulary.get(w);
      if (exact) credit(exact, 'exact');
      if (w.length >= 2) for (const v of this.wordsContaining(w)) credit(this.vocabulary.get(v)!, 'partial');
      for (const v of this.nearWords(w)) credit(this.vocabulary.get(v)!, 'fuzzy');
      if (w.length >= 4) {
        const h = weights.head.partial;
        for (const i of rarest(this.headTrigrams, trigramsOf(w))) {
          if (best[i] < h && this.entries[i].compactHead.includes(w)) {
            if (best[i] === 0) bestTouched.push(i);
            best[i] = h;
          }
        }
      }
      for (const i of bestTouched) {
        if (total[i] === 0) touched.push(i);
        total[i] += best[i] / queryWords.length;
        best[i] = 0;
      }
    }
    return { touched, total };
  }

  /** Longer vocabulary words that contain `w`: candidates share its rarest trigram, then are verified. */
  private wordsContaining(w: string): string[] {
    const out: string[] = [];
    if (w.length < 3) {
      for (const v of this.words) if (v.length > w.length && v.includes(w)) out.push(v);
      return out;
    }
    for (const wi of rarest(this.trigrams, trigramsOf(w))) {
      const v = this.words[wi];
      if (v.length > w.length && v.includes(w)) out.push(v);
    }
    return out;
  }

  /**
   * Vocabulary words within a typo or two of `w` (one edit up to 7 letters, two from 8; a swap of
   * neighbours is one edit). Trigrams shared with `w` find the few words worth measuring.
   */
  private nearWords(w: string): string[] {
    if (w.length < 4) return [];
    const maxEdits = w.length >= 8 ? 2 : 1;
    const counts = new Map<number, number>();
    for (const g of trigramsOf(w)) for (const wi of this.trigrams.get(g) ?? []) counts.set(wi, (counts.get(wi) ?? 0) + 1);
    const out: { word: string; overlap: number }[] = [];
    for (const [wi, overlap] of counts) {
      const word = this.words[wi];
      if (word === w || Math.abs(word.length - w.length) > maxEdits) continue;
      if (editDistance(w, word, maxEdits) <= maxEdits) out.push({ word, overlap });
    }
    return out.sort((a, b) => b.overlap - a.overlap).slice(0, 20).map((x) => x.word);
  }
}

/** Optimal-string-alignment distance, giving up (returning `max + 1`) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The `k` indices with the highest scores (ties by index). Packs score and index into one number so a
 * comparator-free typed-array sort does the work: several times faster than a comparator on 10,000.
 */
function topByScore(indices: number[], score: Float64Array, k: number): number[] {
  const packable = indices.length < 1 << 20;
  if (!packable) return indices.sort((a, b) => score[b] - score[a] || a - b).slice(0, k);
  const keys = new Float64Array(indices.length);
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j];
    keys[j] = Math.round((1 - Math.min(1, score[i])) * 1e6) * (1 << 20) + i;
  }
  keys.sort();
  const out: number[] = [];
  for (let j = 0; j < keys.length && j < k; j++) out.push(keys[j] % (1 << 20));
  return out;
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** The shortest posting list among the trigrams (any text containing the word is on all of them). */
function rarest(index: ReadonlyMap<string, number[]>, grams: Iterable<string>): readonly number[] {
  let best: number[] | undefined;
  for (const g of grams) {
    const list = index.get(g);
    if (!list) return [];
    if (!best || list.length < best.length) best = list;
  }
  return best ?? [];
}

/** Lower-cased words (letters and digits of any script). */
function wordsOf(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function trigramsOf(w: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  return out;
}

/** One-shot search; build a `DocumentSearch` instead when searching the same documents repeatedly. */
export function searchDocuments(documents: Iterable<RationaleDocument>, query: string, options: SearchOptions & SearchIndexOptions = {}): SearchHit[] {
  return new DocumentSearch(documents, options).search(query, options);
}
