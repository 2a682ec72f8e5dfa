import { useEffect, useState } from 'react';
import type { ClubRef } from '@touchline/contract';
import { api } from '../../lib/services.ts';

/** Each club's primary colour from its public page, by club id; a club without one (or not yet loaded) has none. */
export function useClubColours(clubs: readonly (ClubRef | undefined)[]): Record<string, string> {
  const [colours, setColours] = useState<Record<string, string>>({});
  const ids = clubs.map((c) => c?.id ?? '').join(',');
  useEffect(() => {
    let live = true;
    for (const id of ids.split(',').filter(Boolean))
      api.club(id).then(
        ({ club }) => {
          if (live && club.primaryColor) setColours((prev) => ({ ...prev, [id]: club.primaryColor! }));
        },
        // A colour is decoration: without it the bug draws its neutral stripe.
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [ids]);
  return colours;
}
