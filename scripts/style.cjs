// The stylesheet as cargo-leptos 0.3.7 writes it: lightningcss with the
// targets of `browserquery = "defaults"` (Cargo.toml), not minified. Both
// packages come from end2end/node_modules (npm ci in scripts/setup.sh).
// Usage: node scripts/style.cjs style/main.css target/site/pkg/partner-console.css
const path = require('path');
const fs = require('fs');
const modules = path.join(__dirname, '..', 'end2end', 'node_modules');
const { transform, browserslistToTargets } = require(path.join(modules, 'lightningcss'));
const browserslist = require(path.join(modules, 'browserslist'));

const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error('usage: node scripts/style.cjs <input.css> <output.css>');
  process.exit(2);
}
const { code } = transform({
  filename: src,
  code: fs.readFileSync(src),
  targets: browserslistToTargets(browserslist('defaults')),
  minify: false,
});
fs.writeFileSync(out, code);
