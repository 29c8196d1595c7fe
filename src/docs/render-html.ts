/**
 * The site as one HTML file: the stylesheet, the script and the manifest
 * inlined, so it opens from file:// as well as from `elt docs --serve`,
 * with no network. site.css and site.js ship next to this file.
 */
import { readFileSync } from 'node:fs';
import type { DocsManifest } from './manifest.ts';

const CSS = new URL('./site.css', import.meta.url);
const JS = new URL('./site.js', import.meta.url);

export function renderSite(manifest: DocsManifest): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<meta name="generator" content="odoo-elt ${escapeHtml(manifest.version)}">
<title>${escapeHtml(manifest.project)} · odoo-elt docs</title>
<style>
${readFileSync(CSS, 'utf8')}</style>
</head>
<body>
<header class="top">
  <a class="brand" href="#/">odoo-elt docs</a>
  <span class="project" id="project"></span>
  <div class="searchbox">
    <input id="search" type="search" placeholder="Search models, views, streams  ( / )" autocomplete="off" spellcheck="false" aria-label="search">
    <ul id="results" hidden></ul>
  </div>
  <span class="meta" id="meta"></span>
</header>
<div class="layout">
  <nav id="sidebar" aria-label="pages"></nav>
  <main id="main"></main>
</div>
<script type="application/json" id="manifest">${scriptJson(manifest)}</script>
<script>
${readFileSync(JS, 'utf8')}</script>
</body>
</html>
`;
}

/**
 * JSON inside a <script> element: `<` escaped so no string (a description,
 * an Odoo field label, SQL) can close the element, and the two line
 * separators JavaScript once refused in string literals.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
