/* The site's search engine: MiniSearch over the index the build writes (assets/search/index.json,
   made by macros/pages/search.py from the content's structure). The index brings its own field
   weights, stop words and documents; this file hands them to MiniSearch (with the Porter
   stemmer), ranks a page higher when the query is one of its names, and picks a snippet.
   The same file runs in the browser (search.js) and in Node (tests/search and benchmarks), so the
   query set is measured on the engine readers use. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else root.AppSearchEngine = factory;
})(typeof self !== "undefined" ? self : this, function (MiniSearch, stem, index) {
  "use strict";
  var docs = index.docs;
  var fields = Object.keys(index.fields);
  var stopWords = new Set(index.stopWords);
  var WORD = /[a-z0-9][a-z0-9'&]*/g;

  /* words, lower case; "can't" and "won't" are "cannot" and "will not", and "don't" is "do not",
     as the site writes them */
  function tokenize(text) {
    return (String(text).toLowerCase().replace(/\u2019/g, "'")
      .replace(/\bcan't\b/g, "cannot").replace(/\bwon't\b/g, "will not").replace(/n't\b/g, " not")
      .match(WORD) || []);
  }

  /* One form for the forms of a word (the Porter stemmer): "walking", "walks" and "walk" are one
     word, as are "numb" and "numbness". The index and the query are treated alike. */
  function normal(term) {
    return stem(term.replace(/'s?$/, ""));
  }

  var engine = new MiniSearch({
    fields: fields,
    idField: "id",
    tokenize: tokenize,
    processTerm: normal,
    searchOptions: {
      boost: index.fields,
      combineWith: "OR",
      prefix: function (term, i, terms) { return term.length > 2 && i === terms.length - 1; },
      fuzzy: function (term) { return term.length > 4 ? 0.2 : false; },
      boostDocument: function (id) { return docs[id].boost || 1; },
      bm25: index.bm25,
      weights: index.weights
    }
  });
  engine.addAll(docs.map(function (doc, i) {
    var fields = { id: i };
    Object.keys(index.fields).forEach(function (name) { fields[name] = doc[name] || ""; });
    return fields;
  }));

  /* A page's names, each as one key of its words (stemmed, stop words left out, in any order):
     a query that is one of a page's names, said in any order ("arthritis in my hip" for
     "Arthritis of the hip"), ranks that page higher by the index's nameBoost. */
  function nameKey(text) {
    return tokenize(text).filter(function (w) { return !stopWords.has(w); }).map(normal).sort().join(" ");
  }
  var nameKeys = docs.map(function (doc) {
    var names = [doc.title, doc.label || ""].concat(doc.names ? doc.names.split(" \u00b7 ") : []);
    return new Set(names.map(nameKey).filter(Boolean));
  });
  var nameBoost = index.nameBoost || 1;

  function queryTerms(query) {
    var all = tokenize(query);
    var kept = all.filter(function (term) { return !stopWords.has(term); });
    return kept.length ? kept : all; /* "how do I" still searches */
  }

  /* The best short text to show under a result: the sentence of its summary, names or
     symptoms that holds the most matched words, else the summary's start. */
  function snippet(doc, matched) {
    var parts = [];
    ["summary", "names", "symptoms", "places", "synonyms"].forEach(function (name) {
      if (!doc[name]) return;
      var pieces = name === "summary" ? doc[name].split(/(?<=[.!?])\s+/) : doc[name].split(" · ");
      pieces.forEach(function (text, i) {
        parts.push({ text: name === "names" ? "Also called: " + text : text, first: name === "summary" && i === 0 });
      });
    });
    var best = null, bestScore = 0;
    parts.forEach(function (part) {
      var words = tokenize(part.text).map(normal);
      var score = matched.filter(function (m) {
        return words.some(function (w) { return w === m || w.indexOf(m) === 0 || m.indexOf(w) === 0 && w.length > 3; });
      }).length;
      if (score > bestScore) { best = part; bestScore = score; }
    });
    var text = best ? best.text : doc.summary || "";
    return text.length > 180 ? text.slice(0, 177).replace(/\s+\S*$/, "") + "\u2026" : text;
  }

  return {
    docs: docs,
    terms: queryTerms,
    normal: normal, /* a word as the index holds it, to mark matched words */
    /* results, best first: {doc, score, terms (the index words matched), snippet} */
    search: function (query, limit) {
      var terms = queryTerms(query);
      if (!terms.length) return [];
      var found = engine.search(terms.join(" "));
      var key = terms.map(normal).sort().join(" ");
      found.forEach(function (hit) { if (nameKeys[hit.id].has(key)) hit.score *= nameBoost; });
      found.sort(function (a, b) { return b.score - a.score; });
      return found.slice(0, limit || found.length).map(function (hit) {
        var doc = docs[hit.id];
        return { doc: doc, score: hit.score, terms: hit.terms, snippet: snippet(doc, hit.terms) };
      });
    }
  };
});
