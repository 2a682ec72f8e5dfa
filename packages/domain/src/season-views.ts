/** A season's format, as the contract's SEASON_FORMATS spell it. */
export type SeasonFormatName =
  'round_robin' | 'double_round_robin' | 'round_robin_playoff' | 'groups_knockout' | 'knockout';

/** What a season's public page shows: a league table (one per group), a playoff bracket, in that order. */
export interface SeasonViews {
  table: boolean;
  bracket: boolean;
}

const VIEWS: Record<SeasonFormatName, SeasonViews> = {
  round_robin: { table: true, bracket: false },
  double_round_robin: { table: true, bracket: false },
  round_robin_playoff: { table: true, bracket: true },
  groups_knockout: { table: true, bracket: true },
  // A cup has no table: every club would sit on zero points.
  knockout: { table: false, bracket: true },
};

export const seasonViews = (format: SeasonFormatName): SeasonViews => VIEWS[format];
