import { useTranslation } from 'react-i18next';
import type { LineupRules } from '@touchline/contract';
import type { LineupProblem } from '@touchline/domain';

interface Props {
  rules: LineupRules;
  starters: number;
  substitutes: number;
  problems: LineupProblem[];
}

/** The counters against the competition's rules, and each rule still broken in words, beside the save button. */
export function LineupRuleStatus({ rules, starters, substitutes, problems }: Props) {
  const { t } = useTranslation();
  return (
    <div className="lineup-rules">
      <p className="lineup-counts" aria-live="polite" data-testid="lineup-counts">
        {t('captain.starters', { n: starters, of: rules.lineupStarters })}
        {' · '}
        {t('captain.substitutes', { n: substitutes, max: rules.lineupMaxSubstitutes })}
      </p>
      {problems.length > 0 && (
        <ul className="lineup-problems" id="lineup-rule-problems" data-testid="lineup-rule-problems">
          {problems.map((p) => (
            <li key={p.code}>{t(`captain.rule.${p.code}`, p)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
