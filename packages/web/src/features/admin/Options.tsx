const valueOf = (item: string | { id: string }) => (typeof item === 'string' ? item : item.id);

/** A select's options, one per item (a name, or a thing by its id), after a blank one when `blank` is given. */
export function Options<T extends string | { id: string }>({
  items,
  text,
  blank,
}: {
  items: readonly T[];
  text: (item: T) => string;
  blank?: string;
}) {
  return (
    <>
      {blank !== undefined && <option value="">{blank}</option>}
      {items.map((item) => (
        <option key={valueOf(item)} value={valueOf(item)}>
          {text(item)}
        </option>
      ))}
    </>
  );
}
