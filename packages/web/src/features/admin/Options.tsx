/** A select's options, one per item by id, after a blank first one when `blank` is given. */
export function Options<T extends { id: string }>({
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
        <option key={item.id} value={item.id}>
          {text(item)}
        </option>
      ))}
    </>
  );
}
