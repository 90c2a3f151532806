import type { ComponentProps } from 'react';

type ScrollRegionProps = Omit<ComponentProps<'div'>, 'role' | 'tabIndex' | 'aria-label' | 'aria-labelledby'> & {
  label: string;
};

/**
 * A box that scrolls its own content. Keyboard users can only scroll what they can focus, so it is a tab stop
 * (axe: scrollable-region-focusable), and a tab stop needs a name. The focus ring is the global :focus-visible one.
 * Pass the overflow and size classes; the box is the only place in the portal allowed to scroll on its own.
 */
export function ScrollRegion({ label, className, ...props }: ScrollRegionProps) {
  return <div role="region" aria-label={label} tabIndex={0} className={className} {...props} />;
}
