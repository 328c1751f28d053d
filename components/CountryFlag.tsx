import { h, type VNode } from 'preact';
import flags from '~/data/generated/flags.json';
import type { FlagShape } from '~/lib/flag-shapes';

/** The bundled dataset's flags, drawn at build time from country-flag-icons (scripts/build-data.ts). */
const shapes = flags as unknown as Record<string, FlagShape>;

/** Whether `code` has a drawn flag (else its code is shown in a badge). */
export function hasFlag(code: string): boolean {
  return Object.hasOwn(shapes, code);
}

function draw([name, attributes, children]: FlagShape, key: number): VNode {
  return h(name, { ...attributes, key }, children.map(draw)) as VNode;
}

/**
 * A country's flag, or its ISO code in a small badge where no flag is bundled (a country only an
 * imported dataset names). Decoration only: the country's name is written beside it as text.
 */
export function CountryFlag({ code }: { code: string }) {
  const shape = hasFlag(code) ? shapes[code] : undefined;
  if (!shape) {
    return (
      <span class="cl-flag cl-flag--code" aria-hidden="true">
        {code}
      </span>
    );
  }
  const [, attributes, children] = shape;
  return h(
    'svg',
    {
      ...attributes,
      class: 'cl-flag',
      'aria-hidden': 'true',
      focusable: 'false',
      'data-country': code,
    },
    children.map(draw),
  );
}
