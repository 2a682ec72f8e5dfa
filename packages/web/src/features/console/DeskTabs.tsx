import { useId, type ReactNode } from 'react';

export interface Tab<K extends string> {
  key: K;
  label: string;
  panel: ReactNode;
}

interface Props<K extends string> {
  tabs: Tab<K>[];
  current: K;
  onSelect(key: K): void;
  label: string;
}

/**
 * The desk's middle: one panel at a time (events, statistics, match), so the goal buttons below never move.
 * Hidden panels stay rendered: a refusal note or an open editor in them survives a switch.
 */
export function DeskTabs<K extends string>({ tabs, current, onSelect, label }: Props<K>) {
  const id = useId();
  return (
    <div className="desk-tabs">
      <div className="tab-list" role="tablist" aria-label={label}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${id}-${tab.key}`}
            aria-selected={tab.key === current}
            aria-controls={`${id}-${tab.key}-panel`}
            data-testid={`tab-${tab.key}`}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          className="tab-panel"
          role="tabpanel"
          id={`${id}-${tab.key}-panel`}
          aria-labelledby={`${id}-${tab.key}`}
          hidden={tab.key !== current}
          tabIndex={0}
          data-testid={`panel-${tab.key}`}
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
