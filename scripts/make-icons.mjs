// Renders public/favicon.svg to the PNG icons the web app manifest lists (public/icons/), with Chromium
// through playwright-core (no image tools needed). Run again after changing the favicon:
//   node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  // "any" icons are the favicon as drawn; "maskable" ones keep it inside the 80 % safe zone on the map colour.
  for (const [size, maskable] of [
    [192, false],
    [512, false],
    [512, true],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = maskable ? Math.round(size * 0.8) : size;
    await page.setContent(
      `<body style="margin:0;background:${maskable ? '#0d1b2a' : 'transparent'};display:grid;place-items:center;height:${size}px">` +
        svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
        '</body>',
    );
    const name = maskable ? `maskable-${size}.png` : `icon-${size}.png`;
    await page.screenshot({
      path: new URL(`../public/icons/${name}`, import.meta.url).pathname,
      omitBackground: !maskable,
    });
    await page.close();
    console.log(`public/icons/${name}`);
  }
} finally {
  await browser.close();
}
