/** Languages round names are rendered in. */
export type LabelLanguage = 'ru' | 'en';

/**
 * The language of `round.label` in API answers, for clients that do not render rounds themselves: English, as the
 * generator's default always was. Screens name rounds from `stage` and `number` in the reader's language.
 */
export const API_LABEL_LANGUAGE: LabelLanguage = 'en';

export type RoundStage = 'league' | 'group' | 'playoff';

/**
 * A round as data: its stage and a number, which is the matchday for a table stage and, for a playoff, the number
 * of clubs the round starts with (8 = quarter-finals, 2 = final). `customLabel` is a name the league gave by hand.
 */
export interface RoundName {
  stage: RoundStage;
  number: number;
  customLabel?: string | null | undefined;
}

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

/** A round's name in `language`: the league's own name for it when it gave one, else made from stage and number. */
export function roundLabel(round: RoundName, language: LabelLanguage): string {
  if (round.customLabel) return round.customLabel;
  return round.stage === 'playoff'
    ? knockoutRoundLabel(round.number, language)
    : tableRoundLabel(round.stage, round.number, language);
}

/** The label language for a UI language tag ("en-GB" → en); the league's own for any other. */
export const labelLanguageOf = (tag: string): LabelLanguage => (tag.toLowerCase().startsWith('en') ? 'en' : 'ru');
