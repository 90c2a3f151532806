'use client';

import { useId } from 'react';
import { Field, Input, Select } from '@/components/ui/field';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { MoodMap } from '@/lib/import/daylio-moods';
import type { TimeZoneSource } from '@/lib/import/import-choices';
import type { MoodBasis, MoodLevel } from '@/lib/import/import-report';

const LEVELS = [
  { value: 5, label: '5 · best (like rad)' },
  { value: 4, label: '4 (like good)' },
  { value: 3, label: '3 (like meh)' },
  { value: 2, label: '2 (like bad)' },
  { value: 1, label: '1 · worst (like awful)' },
];
const BASIS: Record<MoodBasis, string> = {
  standard: 'Daylio’s default',
  backup: 'from the backup',
  word: 'guessed from the name',
  'free-level': 'guessed: the one level no other mood uses',
  unknown: 'a guess: please check',
  chosen: 'chosen by you',
};
const ZONE_SOURCE: Record<TimeZoneSource, string> = {
  profile: 'your profile’s time zone',
  utc: 'UTC, since your profile has no time zone yet',
  chosen: 'chosen by you',
};

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export type Choices = { timeZone: string; levels: Record<string, number> };

/** The parent keeps the values, so Apply can tell whether they still match the preview shown. */
export function ImportChoicesForm(props: {
  moods: MoodLevel[];
  timeZone: string | null;
  timeZoneSource: TimeZoneSource;
  choices: Choices;
  onChange: (choices: Choices) => void;
  /** Once applying has begun the choices are fixed: shown, not editable. */
  readOnly?: boolean;
}) {
  const { moods, timeZone, timeZoneSource, choices, onChange, readOnly = false } = props;
  const zoneId = useId();
  return (
    <div className="flex flex-col gap-4">
      {timeZone !== null && readOnly && (
        <p className="text-sm">
          Local times were read as {timeZone} ({ZONE_SOURCE[timeZoneSource]}).
        </p>
      )}
      {timeZone !== null && !readOnly && (
        <Field
          label="Time zone of this file’s times"
          htmlFor={zoneId}
          hint={`Daylio writes local times without a zone. Read as ${timeZone} (${ZONE_SOURCE[timeZoneSource]}).`}
        >
          <Input
            id={zoneId}
            list={`${zoneId}-zones`}
            value={choices.timeZone}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange({ ...choices, timeZone: e.target.value })}
          />
          <datalist id={`${zoneId}-zones`}>
            {ZONES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </Field>
      )}
      {moods.length > 0 && (
        <ScrollRegion label="Mood levels" className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="text-left text-sm font-semibold">Mood levels</caption>
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col">Mood in the file</th>
                <th scope="col">Check-ins</th>
                <th scope="col">Level in wellsync</th>
              </tr>
            </thead>
            <tbody>
              {moods.map((mood) => (
                <tr key={mood.name} className="border-t border-border align-top">
                  <th scope="row" className="py-2 pr-2 font-medium break-words">
                    {mood.name}
                  </th>
                  <td className="py-2 pr-2">{mood.count.toLocaleString('en-US')}</td>
                  <td className="py-2">
                    {mood.basis === 'backup' || readOnly ? (
                      <span>{LEVELS.find((l) => l.value === mood.level)?.label}</span>
                    ) : (
                      <Select
                        aria-label={`Level for ${mood.name}`}
                        className="min-w-40"
                        value={choices.levels[mood.name] ?? mood.level}
                        onChange={(e) =>
                          onChange({ ...choices, levels: { ...choices.levels, [mood.name]: Number(e.target.value) } })
                        }
                      >
                        {LEVELS.map((level) => (
                          <option key={level.value} value={level.value}>
                            {level.label}
                          </option>
                        ))}
                      </Select>
                    )}
                    <p
                      className={
                        mood.basis === 'unknown' ? 'mt-1 text-xs font-medium text-warning' : 'mt-1 text-xs text-muted'
                      }
                    >
                      {BASIS[mood.basis]}
                    </p>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}

export function choicesOf(moods: MoodLevel[], timeZone: string): Choices {
  return { timeZone, levels: Object.fromEntries(moods.map((m) => [m.name, m.level])) };
}

/** The mood levels to send: the editable ones (a backup's levels are fixed by the backup). */
export function moodMapOf(moods: MoodLevel[], levels: Record<string, number>): MoodMap {
  return moods.filter((m) => m.basis !== 'backup').map((m) => ({ name: m.name, level: levels[m.name] ?? m.level }));
}
