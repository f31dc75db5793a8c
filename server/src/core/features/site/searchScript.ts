import type { SiteFile } from './sitePaths.js';

export const searchScriptFile = 'search.js';

/**
 * The search page's one script, plain browser JavaScript with no dependency: every word of the
 * query must occur in a document's id, title, status or summary (substring, case-insensitive);
 * an id match ranks first, then a title match. Results are built with DOM calls and textContent,
 * never innerHTML, so an entry's text stays text.
 */
const script = String.raw`(function () {
  'use strict';
  var entries = globalThis.rationaleSearchIndex || [];
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-query');
  var list = document.getElementById('search-results');
  var count = document.getElementById('search-count');
  if (!form || !input || !list || !count) return;
  form.hidden = false;
  var fields = entries.map(function (e) {
    return { id: e.id.toLowerCase(), title: e.title.toLowerCase(), all: [e.id, e.title, e.status, e.kind, e.text].join(' ').toLowerCase() };
  });
  function rank(i, words, query) {
    var f = fields[i];
    for (var w = 0; w < words.length; w++) if (f.all.indexOf(words[w]) < 0) return -1;
    if (f.id === query) return 0;
    if (f.id.indexOf(query) >= 0) return 1;
    if (f.title.indexOf(query) >= 0) return 2;
    return 3;
  }
  function show(query) {
    var q = query.trim().toLowerCase();
    var words = q.split(/\s+/).filter(Boolean);
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!words.length) { count.textContent = entries.length + ' documents'; return; }
    var found = [];
    for (var i = 0; i < entries.length; i++) {
      var r = rank(i, words, q);
      if (r >= 0) found.push({ i: i, r: r });
    }
    found.sort(function (a, b) { return a.r - b.r || a.i - b.i; });
    count.textContent = found.length + (found.length === 1 ? ' match' : ' matches');
    found.slice(0, 200).forEach(function (m) {
      var e = entries[m.i];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = e.href;
      var id = document.createElement('span');
      id.className = 'doc-id';
      id.textContent = e.id;
      a.appendChild(id);
      a.appendChild(document.createTextNode(' ' + e.title));
      li.appendChild(a);
      var status = document.createElement('span');
      status.className = 'status';
      status.textContent = e.status || 'no status';
      li.appendChild(document.createTextNode(' '));
      li.appendChild(status);
      list.appendChild(li);
    });
  }
  var initial = new URLSearchParams(location.search).get('q') || '';
  input.value = initial;
  show(initial);
  input.addEventListener('input', function () { show(input.value); });
  form.addEventListener('submit', function (event) { event.preventDefault(); show(input.value); });
})();
`;

export function searchScript(): SiteFile {
  return { path: searchScriptFile, content: script };
}
