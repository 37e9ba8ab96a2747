/**
 * The 1,000-service city for the browser benchmark, written to a temporary file so the page can open it through
 * the menu's file input like an author's file.
 *
 * bench/cities.ts places every service at map (0, 0), which is fine for the engine but would draw the whole city
 * on one point (every dependency of length zero, every label stacked). Here the services are laid out on a
 * grid instead, in the generator's order (networks, edges, cores, apps), so the layers read top to bottom and the
 * lines have real lengths to draw. Nothing else in the generated text changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cityYaml, type CityShape } from '../cities';

const AT_ORIGIN = 'map: { x: 0, y: 0 }';

export function gridCityYaml(services: number): { text: string; shape: CityShape; columns: number } {
  const { text, shape } = cityYaml(services);
  const columns = Math.ceil(Math.sqrt(services * (16 / 9)));
  const rows = Math.ceil(services / columns);
  let k = 0;
  const placed = text.replaceAll(AT_ORIGIN, () => {
    const x = Math.round(((k % columns) / Math.max(1, columns - 1)) * 1000);
    const y = Math.round((Math.floor(k / columns) / Math.max(1, rows - 1)) * 1000);
    k++;
    return `map: { x: ${x}, y: ${y} }`;
  });
  if (k !== services) throw new Error(`expected ${services} map positions in the generated city, found ${k}`);
  return { text: placed, shape, columns };
}

export interface CityFile {
  path: string;
  shape: CityShape;
  bytes: number;
  remove(): void;
}

export function writeGridCity(services: number): CityFile {
  const { text, shape } = gridCityYaml(services);
  const dir = mkdtempSync(join(tmpdir(), 'cascade-bench-'));
  const path = join(dir, `synthetic-${services}.yaml`);
  writeFileSync(path, text);
  return {
    path,
    shape,
    bytes: Buffer.byteLength(text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
