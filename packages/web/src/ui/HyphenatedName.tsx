import { hyphenateName, nameLanguage, useHyphenators } from '../lib/hyphenate.ts';

/**
 * A name that wraps only at spaces, hard hyphens and its language's syllable breaks (soft hyphens, `hyphens: manual`).
 * The hyphenated copy is for the eye; assistive technology, search and copy read the plain name beside it.
 */
export function HyphenatedName({ name }: { name: string }) {
  const hyphenators = useHyphenators();
  const lang = nameLanguage(name);
  if (!hyphenators) return <span lang={lang}>{name}</span>;
  return (
    <>
      <span className="hyphenated" lang={lang} aria-hidden="true">
        {hyphenateName(hyphenators, name)}
      </span>
      <span className="visually-hidden" lang={lang}>
        {name}
      </span>
    </>
  );
}
