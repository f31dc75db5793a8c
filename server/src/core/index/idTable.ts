import { PersistentSortedMap } from '../base/persistentSortedMap.js';
import type { RationaleDocument } from '../documents/document.js';
import { idKey } from '../documents/ids.js';

type Docs = readonly RationaleDocument[];

/**
 * Which documents answer to which id, kept so that an update patches it: adding or removing one
 * document touches only the keys of its id and aliases. `byKey` is what readers use; the two tables
 * behind it are each key's documents in path order, canonical ids and aliases apart, because a
 * canonical id always beats an alias that happens to spell the same.
 */
export class IdTable {
  private constructor(
    /** Documents by `idKey`: every document of a canonical id (more than one is a duplicate), else the first by path of an alias. */
    readonly byKey: PersistentSortedMap<Docs>,
    private readonly ids: PersistentSortedMap<Docs>,
    private readonly aliases: PersistentSortedMap<Docs>,
  ) {}

  /** The table of `documents`, in any order. */
  static of(documents: Iterable<RationaleDocument>): IdTable {
    const ids = new Map<string, RationaleDocument[]>();
    const aliases = new Map<string, RationaleDocument[]>();
    const sorted = [...documents].sort((a, b) => (a.path < b.path ? -1 : 1));
    for (const d of sorted) {
      push(ids, idKey(d.id), d);
      for (const key of aliasKeys(d)) push(aliases, key, d);
    }
    const byKey = new Map<string, Docs>(ids);
    for (const [key, docs] of aliases) if (!ids.has(key)) byKey.set(key, [docs[0]]);
    return new IdTable(PersistentSortedMap.of(byKey), PersistentSortedMap.of(ids), PersistentSortedMap.of(aliases));
  }

  /** The table after `removed` documents left it and `added` ones joined (a changed document is both). */
  patched(removed: readonly RationaleDocument[], added: readonly RationaleDocument[]): IdTable {
    let { ids, aliases } = this;
    const touched = new Set<string>();
    for (const d of removed) {
      const key = idKey(d.id);
      ids = withoutDocument(ids, key, d.path);
      touched.add(key);
      for (const a of aliasKeys(d)) {
        aliases = withoutDocument(aliases, a, d.path);
        touched.add(a);
      }
    }
    for (const d of added) {
      const key = idKey(d.id);
      ids = withDocument(ids, key, d);
      touched.add(key);
      for (const a of aliasKeys(d)) {
        aliases = withDocument(aliases, a, d);
        touched.add(a);
      }
    }
    let byKey = this.byKey;
    for (const key of touched) {
      const canonical = ids.get(key);
      const alias = aliases.get(key);
      byKey = canonical ? byKey.set(key, canonical) : alias ? byKey.set(key, [alias[0]]) : byKey.delete(key);
    }
    return new IdTable(byKey, ids, aliases);
  }
}

/** A document's alias keys, each once. */
function aliasKeys(doc: RationaleDocument): Set<string> {
  return new Set(doc.aliases.map(idKey));
}

function push(table: Map<string, RationaleDocument[]>, key: string, doc: RationaleDocument): void {
  const list = table.get(key);
  if (list) list.push(doc);
  else table.set(key, [doc]);
}

/** `table` with `doc` in its key's list, in path order (replacing an older version of the same path). */
function withDocument(table: PersistentSortedMap<Docs>, key: string, doc: RationaleDocument): PersistentSortedMap<Docs> {
  const list = (table.get(key) ?? []).filter((d) => d.path !== doc.path);
  let i = 0;
  while (i < list.length && list[i].path < doc.path) i++;
  return table.set(key, [...list.slice(0, i), doc, ...list.slice(i)]);
}

function withoutDocument(table: PersistentSortedMap<Docs>, key: string, path: string): PersistentSortedMap<Docs> {
  const list = table.get(key);
  if (!list) return table;
  const rest = list.filter((d) => d.path !== path);
  return rest.length === 0 ? table.delete(key) : rest.length === list.length ? table : table.set(key, rest);
}
