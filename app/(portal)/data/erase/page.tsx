import type { Metadata } from 'next';
import { EraseFlow } from '@/components/data/erase-flow';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Erase your account' };

export default async function ErasePage() {
  const caller = await requireUser();
  return (
    <>
      <PageHeader
        title="Erase your account"
        description="Delete your account and everything wellsync holds about you (GDPR Art. 17)."
      />
      {caller.email ? (
        <EraseFlow uid={caller.uid} email={caller.email} />
      ) : (
        <Notice tone="warning" title="This account has no email">
          Erasure asks for your password again, which needs an email sign-in. Contact support to erase this account.
        </Notice>
      )}
    </>
  );
}
