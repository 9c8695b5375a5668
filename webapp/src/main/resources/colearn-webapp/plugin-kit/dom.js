// The browser kit for activity plugins, served at /plugin-kit/dom.js: the web app's own DOM helpers and words, the same
// module the pages use, so a plugin builds its DOM as they do (text always as text, never as HTML) and its ids never
// clash with theirs. docs/plugins.md describes each export.
export { append, h, hidden, replace, uid } from '../js/dom.js';
export { names, plural } from '../js/format.js';
export { copyText } from '../js/clipboard.js';
