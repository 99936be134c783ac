// Builds the vendored front-end assets from pinned npm packages into the core app's static folder.
// Our theme is derived from the EUPL example tokens of NL Design System: same token structure,
// our own class name, a green accent and Noto Sans for headings too.
// The component library and the tokens are trimmed to what our pages use (a first visit on a
// phone stays under 50 KB): PurgeCSS keeps the component rules whose classes occur in our
// templates, Python and JavaScript, and of the tokens only those that some kept rule, our own
// CSS or our code refers to (directly or through another token) stay.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PurgeCSS } from "purgecss";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const app = join(root, "wijkdialoog");
const out = join(app, "core", "static", "wijkdialoog", "vendor");
// From scratch, so that nothing of an earlier build (a font face no longer used) stays behind.
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "fonts"), { recursive: true });

// Every file that may write a class name into a page. Class names built from pieces (a template
// tag in the middle of a name, string concatenation in JavaScript) are not found as a whole
// word: their families are in SAFELIST.
const CONTENT = ["**/*.html", "**/*.py", "**/*.js"].map((pattern) => join(app, pattern));
const SKIPPED = [join(out, "**")];
const SAFELIST = {
  standard: [
    // base.html: utrecht-alert--{error,warning,ok}
    "utrecht-alert--error",
    "utrecht-alert--warning",
    "utrecht-alert--ok",
    // methods/method_detail.html: utrecht-button--{primary,secondary}-action
    "utrecht-button--primary-action",
    "utrecht-button--secondary-action",
    // core/forms/field.html: utrecht-form-field--{radio,checkbox}
    "utrecht-form-field--radio",
    "utrecht-form-field--checkbox",
  ],
  // Classes that htmx adds while it swaps.
  greedy: [/^htmx-/],
};

function copy(from, to) {
  copyFileSync(join(modules, from), join(out, to));
}

async function purgedComponents() {
  const [result] = await new PurgeCSS().purge({
    content: CONTENT,
    skippedContentGlobs: SKIPPED,
    css: [join(modules, "@utrecht/component-library-css/dist/index.css")],
    safelist: SAFELIST,
  });
  return result.css;
}

// Our own CSS, templates, Python and JavaScript: the text in which tokens are referred to.
function ownText(folder = app) {
  let text = "";
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && path !== out) text += ownText(path);
    else if (/\.(css|html|py|js)$/.test(entry.name)) text += readFileSync(path, "utf8") + "\n";
  }
  return text;
}

// Keeps a token declaration line only when its name is used; a used token's value marks the
// tokens it refers to as used too.
function trimTokens(theme, usedText) {
  const declaration = /^\s*(--[\w-]+)\s*:(.*?);\s*(\/\*.*\*\/)?\s*$/;
  const values = new Map();
  for (const line of theme.split("\n")) {
    const match = line.match(declaration);
    if (match) values.set(match[1], (values.get(match[1]) || "") + " " + match[2]);
  }
  const used = new Set();
  const queue = [...usedText.matchAll(/--[\w-]+/g)].map((match) => match[0]);
  while (queue.length) {
    const name = queue.pop();
    if (used.has(name) || !values.has(name)) continue;
    used.add(name);
    queue.push(...[...values.get(name).matchAll(/--[\w-]+/g)].map((match) => match[0]));
  }
  return theme
    .split("\n")
    .filter((line) => {
      const match = line.match(declaration);
      return !match || used.has(match[1]);
    })
    .join("\n");
}

const components = await purgedComponents();
writeFileSync(join(out, "utrecht-components.css"), components);
copy("htmx.org/dist/htmx.min.js", "htmx.min.js");

const tokens = readFileSync(
  join(modules, "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"),
  "utf8",
);
const theme = tokens
  .replaceAll(".voorbeeld-theme", ".wijkdialoog-theme")
  .replaceAll("var(--voorbeeld-kleuren-violet-", "var(--voorbeeld-kleuren-groen-");
const overrides = `
/* Wijkdialoog: one self-hosted typeface for text and headings, and 18px text (1rem on the root)
   for readers who find reading hard. The example theme leaves the document tokens to the page: setting them
   gives lists, labels and links the theme's typeface too. Its margins are "code-only" tokens
   set to 0; ours give headings, paragraphs, lists and fields room (space-around turns the
   component margins on). */
.wijkdialoog-theme {
  --utrecht-space-around: 1;
  --basis-heading-font-family: 'Noto Sans', sans-serif;
  --basis-text-font-family-default: 'Noto Sans', sans-serif;
  --utrecht-document-font-family: var(--basis-text-font-family-default);
  --utrecht-document-font-size: 1.125rem; /* on <html>: 1rem becomes 18px for every token */
  --utrecht-document-font-weight: var(--basis-text-font-weight-default);
  --utrecht-document-line-height: var(--basis-text-line-height-md);
  --utrecht-document-color: var(--basis-color-default-color-document);
  --utrecht-document-background-color: var(--basis-color-default-bg-document);
  --utrecht-heading-1-margin-block-start: 0;
  --utrecht-heading-1-margin-block-end: var(--basis-space-block-3xl);
  --utrecht-heading-2-margin-block-start: var(--basis-space-block-5xl);
  --utrecht-heading-2-margin-block-end: var(--basis-space-block-xl);
  --utrecht-heading-3-margin-block-start: var(--basis-space-block-4xl);
  --utrecht-heading-3-margin-block-end: var(--basis-space-block-lg);
  --utrecht-heading-4-margin-block-start: var(--basis-space-block-3xl);
  --utrecht-heading-4-margin-block-end: var(--basis-space-block-md);
  --utrecht-paragraph-margin-block-start: 0;
  --utrecht-paragraph-margin-block-end: var(--basis-space-block-xl);
  --utrecht-ordered-list-margin-block-start: 0;
  --utrecht-ordered-list-margin-block-end: var(--basis-space-block-xl);
  --utrecht-unordered-list-margin-block-start: 0;
  --utrecht-unordered-list-margin-block-end: var(--basis-space-block-xl);
  --utrecht-alert-margin-block-start: 0;
  --utrecht-alert-margin-block-end: var(--basis-space-block-xl);
  --utrecht-form-field-margin-block-start: 0;
  --utrecht-form-field-margin-block-end: var(--basis-space-block-2xl);
  --utrecht-form-field-description-margin-block-start: 0;
  --utrecht-form-field-description-margin-block-end: var(--basis-space-block-sm);
  --utrecht-form-field-error-message-margin-block-start: 0;
  --utrecht-form-field-error-message-margin-block-end: var(--basis-space-block-sm);
  /* A chevron, so that a closed select looks like a choice and not like a text box. */
  --utrecht-select-background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Cpath d='M6 9l6 6 6-6' fill='none' stroke='%23001a40' stroke-width='2.5'/%3E%3C/svg%3E");
  --utrecht-form-fieldset-legend-font-family: var(--basis-text-font-family-default);
  --utrecht-form-fieldset-legend-font-size: var(--basis-text-font-size-md);
  --utrecht-form-fieldset-legend-font-weight: var(--basis-text-font-weight-bold);
  --utrecht-form-fieldset-legend-margin-block-end: var(--basis-space-block-md);
  --utrecht-form-fieldset-margin-block-end: var(--basis-space-block-2xl);
}
`;

// Only the faces the pages use: regular and bold (nothing is set in italic), Latin, woff2.
let fonts = "/* Noto Sans (SIL Open Font License 1.1), self-hosted. */\n";
for (const [weight, style] of [["400", "normal"], ["700", "normal"]]) {
  for (const subset of ["latin"]) {
    const file = `noto-sans-${subset}-${weight}-${style}.woff2`;
    copy(`@fontsource/noto-sans/files/${file}`, join("fonts", file));
    fonts += `@font-face { font-family: 'Noto Sans'; font-style: ${style}; font-weight: ${weight}; font-display: swap; src: url('fonts/${file}') format('woff2'); }\n`;
  }
}
writeFileSync(join(out, "fonts.css"), fonts);
// The pages get the typeface with the theme, one request less; print and PDF templates link fonts.css.
const usedText = [components, overrides, ownText()].join("\n");
writeFileSync(join(out, "wijkdialoog-theme.css"), fonts + trimTokens(theme + overrides, usedText));
console.log(`Built assets into ${out}`);
