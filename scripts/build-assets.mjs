// Builds the vendored front-end assets from pinned npm packages into the core app's static folder.
// Our theme is derived from the EUPL example tokens of NL Design System: same token structure,
// our own class name, a green accent and Noto Sans for headings too.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "wijkdialoog", "core", "static", "wijkdialoog", "vendor");
mkdirSync(join(out, "fonts"), { recursive: true });

function copy(from, to) {
  copyFileSync(join(modules, from), join(out, to));
}

copy("@utrecht/component-library-css/dist/index.css", "utrecht-components.css");
copy("htmx.org/dist/htmx.min.js", "htmx.min.js");

const tokens = readFileSync(
  join(modules, "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"),
  "utf8",
);
const theme = tokens
  .replaceAll(".voorbeeld-theme", ".wijkdialoog-theme")
  .replaceAll("var(--voorbeeld-kleuren-violet-", "var(--voorbeeld-kleuren-groen-");
const overrides = `
/* Wijkdialoog: one self-hosted typeface for text and headings. */
.wijkdialoog-theme {
  --basis-heading-font-family: 'Noto Sans', sans-serif;
  --basis-text-font-family-default: 'Noto Sans', sans-serif;
}
`;
writeFileSync(join(out, "wijkdialoog-theme.css"), theme + overrides);

let fonts = "/* Noto Sans (SIL Open Font License 1.1), self-hosted. */\n";
for (const [weight, style] of [["400", "normal"], ["400", "italic"], ["700", "normal"]]) {
  for (const subset of ["latin"]) {
    const file = `noto-sans-${subset}-${weight}-${style}.woff2`;
    copy(`@fontsource/noto-sans/files/${file}`, join("fonts", file));
    fonts += `@font-face { font-family: 'Noto Sans'; font-style: ${style}; font-weight: ${weight}; font-display: swap; src: url('fonts/${file}') format('woff2'); }\n`;
  }
}
writeFileSync(join(out, "fonts.css"), fonts);
console.log(`Built assets into ${out}`);
