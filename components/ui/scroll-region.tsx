import type { ComponentProps } from 'react';

type ScrollRegionProps = Omit<ComponentProps<'div'>, 'role' | 'tabIndex' | 'aria-label' | 'aria-labelledby'> & {
  label: string;
};

/** A tab stop, since keyboard users can only scroll what they can focus (axe), so it needs a name. */
export function ScrollRegion({ label, className, ...props }: ScrollRegionProps) {
  return <div role="region" aria-label={label} tabIndex={0} className={className} {...props} />;
}
