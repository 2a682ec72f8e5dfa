import type { ClubRef } from '@touchline/contract';
import { HyphenatedName } from './HyphenatedName.tsx';

/** The full name, always; the short name only where the viewport truly cannot hold a word (CSS decides). */
export function ClubName({ club }: { club: ClubRef }) {
  return (
    <span className="club-name">
      <span className="club-full">
        <HyphenatedName name={club.name} />
      </span>
      <span className="club-short" aria-hidden="true">
        {club.shortName}
      </span>
    </span>
  );
}
