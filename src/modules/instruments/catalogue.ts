import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDefinition, type Definition } from './definition.ts';

/**
 * The built-in instruments: every file in definitions/, read and checked once when the module
 * loads. A malformed built-in stops the server with the file and the reason (the tests load
 * them all), so a bad definition never reaches a patient.
 */
function loadBuiltIns(): ReadonlyMap<string, Definition> {
  const folder = path.join(import.meta.dirname, 'definitions');
  const found = new Map<string, Definition>();
  for (const file of globSync('*.json', { cwd: folder }).sort()) {
    const definition = parseDefinition(readFileSync(path.join(folder, file), 'utf8'), `src/modules/instruments/definitions/${file}`);
    if (`${definition.key}.json` !== file)
      throw new Error(`definitions/${file} holds the instrument "${definition.key}": name the file after its key`);
    found.set(definition.key, definition);
  }
  return found;
}

export const builtInInstruments = loadBuiltIns();
