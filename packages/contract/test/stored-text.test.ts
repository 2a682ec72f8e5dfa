import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateClubBody, CsvPlayerRow, StoredText } from '../src/index.ts';

/** Every control character (C0, DEL, C1) and the Unicode line and paragraph separators. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x2028,
  0x2029,
].map((c) => String.fromCharCode(c));
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const isControl = (ch: string) => CONTROLS.includes(ch);
const codeOf = (r: ReturnType<typeof StoredText.safeParse>) =>
  r.success ? undefined : (r.error.issues[0] as { params?: { code?: string } }).params?.code;

describe('stored text', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['tab', 'a\tb'],
    ['line feed', 'a\nb'],
    ['carriage return', 'a\rb'],
    ['CRLF', 'a\r\nb'],
    ['vertical tab', 'a\u000bb'],
    ['form feed', 'a\u000cb'],
    ['escape', 'a\u001b[31mb'],
    ['DEL', 'a\u007fb'],
    ['next line (C1)', 'a\u0085b'],
    ['line separator', 'a\u2028b'],
    ['paragraph separator', 'a\u2029b'],
    ['trailing line feed', 'ab\n'],
  ])('refuses a %s with the control_characters code', (_, text) => {
    expect(codeOf(StoredText.safeParse(text))).toBe('control_characters');
  });

  it.each([
    ['letters', 'Спартак Москва'],
    ['punctuation iCal escapes', 'A; B, C\\D'],
    ['emoji', 'FC 🙂'],
    ['right-to-left text', 'نادي'],
  ])('keeps %s', (_, text) => {
    expect(StoredText.safeParse(text)).toEqual({ success: true, data: text });
  });

  it('refuses a string exactly when it holds a control character or a line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...CONTROLS), anyUnit) }), (s) => {
        expect(StoredText.safeParse(s).success).toBe(![...s].some(isControl));
      }),
      { numRuns: 2000 },
    );
  });

  it('holds in the bodies that use it, a CSV row included', () => {
    expect(CreateClubBody.safeParse({ name: 'FC\nX', shortName: 'FCX' }).success).toBe(false);
    expect(CreateClubBody.safeParse({ name: 'FC X', shortName: 'FCX', homeGround: 'Pitch\u0000' }).success).toBe(false);
    expect(CsvPlayerRow.safeParse({ firstName: 'Ivan\u0000', lastName: 'Petrov', club: 'FCX' }).success).toBe(false);
    expect(CsvPlayerRow.safeParse({ firstName: 'Ivan', lastName: 'Petrov', club: 'FC\tX' }).success).toBe(false);
  });
});
