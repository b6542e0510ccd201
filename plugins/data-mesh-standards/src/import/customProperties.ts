import type { PathStep, SourceTracker } from '../loss/SourceTracker';

/**
 * Reads a standard's `customProperties` list (`[{ property, value }]`):
 * calls `use` for each entry (with the entry's path) and reports those it
 * does not take (it returns false) with the entry's property name.
 */
export function readCustomProperties(
  source: SourceTracker,
  path: readonly PathStep[],
  use: (property: string, value: unknown, at: PathStep[]) => boolean,
) {
  for (const i of source.items(path)) {
    const at = [...path, i];
    const entry = source.peek(at) as any;
    const property =
      entry && typeof entry === 'object' ? entry.property : undefined;
    if (typeof property !== 'string') {
      source.lose(at, 'value not understood: a custom property without a name');
      continue;
    }
    if (use(property, entry.value, at)) {
      source.consume(at);
    } else {
      source.lose(at, `custom property '${property}': no equivalent`);
    }
  }
}

/** The value of a custom property, by name, in a `customProperties` list. */
export function customProperty(list: unknown, name: string): unknown {
  if (!Array.isArray(list)) return undefined;
  const entry = list.find(
    item => item && typeof item === 'object' && item.property === name,
  );
  return entry?.value;
}
