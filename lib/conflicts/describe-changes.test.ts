import { describe, expect, it } from 'vitest';
import { describeChanges, diffLines, diffSet } from './describe-changes';

describe('diffLines', () => {
  it('marks removed lines before the lines that replaced them, and keeps the rest', () => {
    expect(diffLines('Walk.\nTo the see.\nHome.\n', 'Walk.\nTo the sea.\nHome.\nSlept well.\n')).toEqual([
      { kind: 'same', text: 'Walk.' },
      { kind: 'removed', text: 'To the see.' },
      { kind: 'added', text: 'To the sea.' },
      { kind: 'same', text: 'Home.' },
      { kind: 'added', text: 'Slept well.' },
    ]);
  });

  it('does not report a final newline as an empty line', () => {
    expect(diffLines('', 'One.\n')).toEqual([{ kind: 'added', text: 'One.' }]);
    expect(diffLines('One.\n', 'One.')).toEqual([{ kind: 'same', text: 'One.' }]);
  });
});

describe('describeChanges', () => {
  const base = { title: 'Walk', body: 'To the sea.\n', tags: ['calm', 'sea'], mood: 3, rev: 'r0' };

  it('lists only the fields a side changed, in the page order', () => {
    const side = { ...base, body: 'To the sea.\nCold.\n', tags: ['calm', 'cold'], rev: 'r1' };
    expect(describeChanges('journal_entries', base, side)).toEqual([
      {
        field: 'body',
        label: 'Entry',
        kind: 'text',
        segments: [
          { kind: 'same', text: 'To the sea.' },
          { kind: 'added', text: 'Cold.' },
        ],
      },
      { field: 'tags', label: 'Tags', kind: 'set', added: ['cold'], removed: ['sea'] },
    ]);
  });

  it('reads absent as null, and shows a cleared value as "none"', () => {
    expect(describeChanges('journal_entries', base, { ...base, mood: undefined })).toEqual([
      { field: 'mood', label: 'Mood', kind: 'value', from: '3', to: 'none' },
    ]);
    expect(describeChanges('mood_entries', { score: 2, note: null }, { score: 2 })).toEqual([]);
  });

  it('compares sets without regard to order', () => {
    expect(diffSet(['a', 'b'], ['b', 'a'])).toEqual({ added: [], removed: [] });
    expect(describeChanges('journal_entries', base, { ...base, tags: ['sea', 'calm'] })).toEqual([]);
  });
});
