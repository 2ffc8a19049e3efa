// Message lookup and `{name}` interpolation. Pure, so node:test covers it.

export type Params = Readonly<Record<string, string | number>>;

/** Replaces each `{name}` with params.name; a placeholder without a value stays visible. */
export function interpolate(template: string, params?: Params): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The `{name}` placeholders a message uses, sorted, for checking translations against the source. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

export function createTranslator<K extends string>(messages: Readonly<Record<K, string>>) {
  function t(key: K, params?: Params): string {
    return interpolate(messages[key], params);
  }
  /** For codes the API may add before the web app knows them (audit actions): null when unknown. */
  function tMaybe(key: string, params?: Params): string | null {
    if (!Object.hasOwn(messages, key)) return null;
    const template = (messages as Readonly<Record<string, string>>)[key];
    return template === undefined ? null : interpolate(template, params);
  }
  return { t, tMaybe };
}
