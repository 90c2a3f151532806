import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { ScrollRegion } from './scroll-region';

it('is a named, focusable region', () => {
  const html = renderToStaticMarkup(
    createElement(ScrollRegion, { label: 'Full text', className: 'max-h-64 overflow-auto' }, 'words'),
  );
  expect(html).toBe(
    '<div role="region" aria-label="Full text" tabindex="0" class="max-h-64 overflow-auto">words</div>',
  );
});

// Every other scrolling box would be one a keyboard cannot reach; this keeps new ones from slipping in.
it('is the only way components and pages make a box scroll', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const offenders: string[] = [];
  for (const dir of ['app', 'components']) {
    for (const file of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.tsx')) continue;
      const text = readFileSync(path.join(root, dir, file), 'utf8');
      for (const match of text.matchAll(/\boverflow-(?:[xy]-)?(?:auto|scroll)\b/g)) {
        // The class must sit in a <ScrollRegion …> tag, however its props are wrapped.
        const tag = text.slice(text.lastIndexOf('<', match.index), match.index);
        if (!tag.startsWith('<ScrollRegion'))
          offenders.push(`${dir}/${file}:${text.slice(0, match.index).split('\n').length}`);
      }
    }
  }
  expect(offenders).toEqual([]);
});
