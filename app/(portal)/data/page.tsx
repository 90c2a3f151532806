import type { Metadata } from 'next';
import Link from 'next/link';
import { groupInventory } from '@/components/data/group-inventory';
import { HeldDataChart } from '@/components/data/held-data-chart';
import { Card } from '@/components/ui/card';
import { ChartFrame } from '@/components/ui/chart-frame';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { takeErasureInventory } from '@/lib/erasure/take-erasure-inventory';

export const metadata: Metadata = { title: 'Your data' };

const ACTIONS = [
  {
    href: '/data/export',
    title: 'Export',
    text: 'Download everything as a ZIP: a complete JSON copy, spreadsheet files, and a README.',
  },
  {
    href: '/data/import',
    title: 'Import',
    text: 'Bring data back from a wellsync export, or move in from Daylio or Day One. You see a preview first.',
  },
  {
    href: '/data/erase',
    title: 'Erase',
    text: 'Delete your account and everything wellsync holds about you, with a receipt. You can keep a copy first.',
  },
];

export default async function YourDataPage() {
  const caller = await requireUser();
  const inventory = await takeErasureInventory(caller);
  const data = groupInventory(inventory);
  return (
    <>
      <PageHeader
        title="Your data"
        description="Mood and journal entries are health data. They are yours: take a copy, bring data in, or erase it."
      />
      <div className="mb-6 grid gap-4 md:grid-cols-3">
        {ACTIONS.map((action) => (
          <Card key={action.href}>
            <h2 className="text-base font-semibold">
              <Link href={action.href} className="underline-offset-4 hover:underline">
                {action.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-muted">{action.text}</p>
          </Card>
        ))}
      </div>
      <ChartFrame
        title="What wellsync holds about you"
        summary={`${inventory.total.toLocaleString('en')} documents in ${data.length} kinds, including your sign-in account.`}
      >
        <HeldDataChart data={data} />
      </ChartFrame>
    </>
  );
}
