// The five success metrics against their targets (the /admin summary) as JSON.
import { withAdmin } from '@/lib/api/guard';
import { getAdminOverview } from '@/lib/admin/get-admin-overview';

export const GET = withAdmin(async ({ caller }) => getAdminOverview(caller));
