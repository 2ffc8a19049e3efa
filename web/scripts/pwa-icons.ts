import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../test/support/browser.ts';

/**
 * `node web/scripts/pwa-icons.ts`: the installed app's icons (web/public/*.png), drawn by
 * Chromium from the favicon's SVG so the mark stays one drawing. Run again after changing it.
 * The maskable icon fills its square with the mark's blue and keeps the mark inside the
 * central 80 % that every launcher's mask leaves visible; iOS rounds the touch icon itself.
 */
const publicDir = path.join(import.meta.dirname, '../public');
const svg = readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8');
const mark = svg.replace('<svg ', '<svg width="100%" height="100%" ');
const fullBleed = svg.replace('<svg ', '<svg width="100%" height="100%" ').replace(/rx="\d+"/, 'rx="0"');

const icons = [
  { file: 'icon-192.png', size: 192, html: mark, padding: 0 },
  { file: 'icon-512.png', size: 512, html: mark, padding: 0 },
  { file: 'apple-touch-icon.png', size: 180, html: fullBleed, padding: 0 },
  { file: 'icon-maskable-512.png', size: 512, html: fullBleed, padding: 0.1 },
];

const browser = await launchBrowser();
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const inset = Math.round(icon.size * icon.padding);
    // The padding of a maskable icon is the mark's own blue, so only the drawing shrinks.
    await page.setContent(
      `<html><body style="margin:0;background:${icon.padding > 0 ? '#1c7ed6' : 'transparent'}">` +
        `<div style="position:absolute;inset:${inset}px">${icon.html}</div></body></html>`,
    );
    await page.screenshot({ path: path.join(publicDir, icon.file), omitBackground: icon.padding === 0 });
    await page.close();
  }
} finally {
  await browser.close();
}
