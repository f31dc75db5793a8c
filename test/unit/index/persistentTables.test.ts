import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkProperty } from '../../helpers/checkProperty.js';
import { PersistentSortedMap } from '../../../server/src/core/base/persistentSortedMap.js';
import { SortedListSet } from '../../../server/src/core/base/sortedListSet.js';

/** Set a key, delete a key, or delete the n-th key present (modulo the size), which shrinks a big map quickly. */
type Op = { set: string; value: number } | { delete: string } | { deleteNth: number };

/** Keys from a small alphabet, so sets and deletes hit the same keys; thousands of them split and merge chunks. */
const key = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'Z', '/'), minLength: 0, maxLength: 5 });
const setOp: fc.Arbitrary<Op> = fc.record({ set: key, value: fc.integer({ min: 0, max: 3 }) });
const deleteOp: fc.Arbitrary<Op> = fc.record({ delete: key });
/** Growth, churn, then shrinking: a map that grows past many chunks and loses most of them again. */
const ops = fc.tuple(fc.array(setOp, { minLength: 200, maxLength: 2000, size: 'max' }), fc.array(fc.oneof(setOp, deleteOp), { maxLength: 1000, size: 'max' }), fc.array(fc.record({ deleteNth: fc.nat() }), { maxLength: 2000, size: 'max' }))
  .map(([grow, churn, shrink]) => [...grow, ...churn, ...shrink]);

function sortedEntries(map: Map<string, number>): [string, number][] {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('PersistentSortedMap', () => {
  it('behaves like a Map iterated in key order, and every older version stays as it was', () => {
    checkProperty('persistent sorted map', [ops], (ops) => {
      let map = PersistentSortedMap.empty<number>();
      const model = new Map<string, number>();
      const versions: [PersistentSortedMap<number>, [string, number][]][] = [];
      let bigFractionDeleted = false;
      let peak = 0;
      ops.forEach((o, i) => {
        if ('set' in o) {
          map = map.set(o.set, o.value);
          model.set(o.set, o.value);
        } else {
          const k = 'delete' in o ? o.delete : [...model.keys()][o.deleteNth % Math.max(model.size, 1)] ?? '';
          map = map.delete(k);
          model.delete(k);
        }
        peak = Math.max(peak, model.size);
        bigFractionDeleted ||= peak > 300 && model.size < peak / 2;
        if (i % 97 === 0) versions.push([map, sortedEntries(model)]);
      });
      assert.deepEqual([...map], sortedEntries(model));
      assert.equal(map.size, model.size);
      for (const k of ['', 'a', 'abc', 'Z/é', 'zzz']) {
        assert.equal(map.get(k), model.get(k), k);
        assert.equal(map.has(k), model.has(k), k);
      }
      for (const [old, entries] of versions) {
        assert.deepEqual([...old.entries()], entries);
        assert.equal(old.size, entries.length);
        for (const [k, v] of entries) assert.equal(old.get(k), v);
      }
      return { beyondOneChunk: peak > 300, bigFractionDeleted };
    }, { numRuns: 60, minimumFractions: { beyondOneChunk: 0.3, bigFractionDeleted: 0.05 } });
  });

  it('returns the same map when a set or delete changes nothing', () => {
    const map = PersistentSortedMap.of([['b', 1], ['a', 2]]);
    assert.equal(map.set('a', 2), map);
    assert.equal(map.delete('c'), map);
    assert.notEqual(map.set('a', 3), map);
    assert.deepEqual([...map.keys()], ['a', 'b']);
  });

  it('builds from entries in any order, a later entry of a key winning as in new Map', () => {
    const entries: [string, number][] = Array.from({ length: 1000 }, (_, i) => [`k${(i * 7919) % 1000}`, i]);
    entries.push(['k5', -1]);
    const map = PersistentSortedMap.of(entries);
    assert.deepEqual([...map], sortedEntries(new Map(entries)));
    assert.equal(map.get('k5'), -1);
    const seen: string[] = [];
    map.forEach((_, k) => seen.push(k));
    assert.deepEqual(seen, [...map.keys()]);
  });
});

describe('SortedListSet', () => {
  it('answers has by binary search over a sorted list and falls back to a Set otherwise', () => {
    const list = ['a', 'b/c', 'b/d', 'é'];
    const set = SortedListSet.of(list);
    assert.ok(set instanceof SortedListSet);
    assert.deepEqual(list.map((p) => set.has(p)), [true, true, true, true]);
    assert.deepEqual(['', 'b', 'b/e', 'z', 'éé'].map((p) => set.has(p)), [false, false, false, false, false]);
    assert.deepEqual([...set], list);
    assert.equal(set.size, 4);
    const unsorted = SortedListSet.of(['b', 'a']);
    assert.ok(unsorted instanceof Set);
    assert.ok(unsorted.has('a'));
    assert.ok(SortedListSet.of(['a', 'a']) instanceof Set, 'a repeat is not a sorted list without repeats');
  });
});
