/* Runs search engines over a list of queries in Node, the way each runs in the browser, and
   prints the pages each query finds, best first (macros/devtools/search.py calls it).

   stdin: {"engine": "site" | "lunr", "site": "<built site folder>", "worker": "<Material's
   search worker, for lunr>", "queries": ["..."], "limit": 10}
   stdout: {"results": [[{"url": "...", "urgent": true|false}, ...], ...]}

   - site: the site's own engine as shipped in the built site (assets/js/search-engine.js over the
     vendored MiniSearch and stemmer, and assets/search/index.json).
   - lunr: Material for MkDocs' search worker, unchanged, fed search/search_index.json as
     Material's page script feeds it; results are pages in the order the dialog lists them. */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

async function siteEngine(site) {
  const context = { console };
  context.self = context;
  vm.createContext(context);
  for (const file of ["assets/vendor/minisearch/minisearch.js", "assets/js/search-engine.js"]) {
    vm.runInContext(fs.readFileSync(path.join(site, file), "utf8"), context, { filename: file });
  }
  const index = JSON.parse(fs.readFileSync(path.join(site, "assets/search/index.json"), "utf8"));
  const stemmerSource = fs.readFileSync(path.join(site, "assets/vendor/stemmer/stemmer.js"), "utf8");
  const { stemmer } = await import("data:text/javascript," + encodeURIComponent(stemmerSource));
  const engine = context.AppSearchEngine(context.MiniSearch, stemmer, index);
  return async (query, limit) =>
    engine.search(query, limit).map((r) => ({ url: r.doc.url, urgent: !!r.doc.urgent }));
}

async function lunrEngine(site, worker) {
  let handler;
  const replies = [];
  const context = {
    console: { warn() {}, log() {}, error: console.error },
    setTimeout,
    postMessage: (message) => replies.push(message),
    addEventListener: (type, listener) => { handler = listener; },
    importScripts() {}
  };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(worker, "utf8"), context, { filename: worker });
  const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
  await handler({ data: { type: 0, data: Object.assign({ options: { suggest: true } }, index) } });
  return async (query, limit) => {
    await handler({ data: { type: 2, data: query } });
    const items = replies.pop().data.items;
    return items.slice(0, limit).map((group) => ({ url: group[0].location.split("#")[0], urgent: false }));
  };
}

async function main() {
  const job = JSON.parse(fs.readFileSync(0, "utf8"));
  const search = job.engine === "lunr" ? await lunrEngine(job.site, job.worker) : await siteEngine(job.site);
  const results = [];
  for (const query of job.queries) results.push(await search(query, job.limit || 10));
  process.stdout.write(JSON.stringify({ results }));
}

main().catch((error) => { console.error(error); process.exit(1); });
