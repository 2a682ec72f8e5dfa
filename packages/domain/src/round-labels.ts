/** Languages round names are generated in; a league renames rounds freely afterwards. */
export type LabelLanguage = 'ru' | 'en';

const KNOCKOUT: Record<LabelLanguage, (clubs: number) => string> = {
  en: (clubs) => ({ 2: 'Final', 4: 'Semi-finals', 8: 'Quarter-finals' })[clubs] ?? `Round of ${clubs}`,
  // Russian football counts knockout rounds by the share of the final: 1/8, 1/4, 1/2 финала.
  ru: (clubs) => (clubs === 2 ? 'Финал' : `1/${clubs / 2} финала`),
};

/** The name of a knockout round played by `clubs` clubs (a power of two). */
export const knockoutRoundLabel = (clubs: number, language: LabelLanguage = 'en') => KNOCKOUT[language](clubs);

/** The name of the n-th (1-based) round of a league table or of the group stage. */
export function tableRoundLabel(stage: 'league' | 'group', n: number, language: LabelLanguage = 'en') {
  if (language === 'ru') return `Тур ${n}`;
  return `${stage === 'group' ? 'Matchday' : 'Round'} ${n}`;
}
