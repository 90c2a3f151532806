import { redirect } from 'next/navigation';

/** The portal starts at the journal; signed-out visitors are sent on to sign in from there. */
export default function Home() {
  redirect('/journal');
}
