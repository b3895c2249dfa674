import type { PracticeStats } from './service.js';

/** Categories shown in the stats reply; the dashboard's personal page shows them all. */
const MASTERY_SHOWN = 5;

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** True when there is anything practice-related to show. */
export function hasPractice(stats: PracticeStats): boolean {
  return stats.learned > 0 || stats.reviews30 > 0;
}

/** The practice part of `stats`: cards, what is due, retention, streak and mastery per category. */
export function practiceFields(stats: PracticeStats): { label: string; value: string }[] {
  const practised = stats.mastery.filter((m) => m.cards > 0).sort((a, b) => b.share - a.share || a.category.localeCompare(b.category));
  const shown = practised.slice(0, MASTERY_SHOWN).map((m) => `${m.category} ${m.mastered}/${m.questions} (${percent(m.share)})`);
  if (practised.length > MASTERY_SHOWN) shown.push(`and ${practised.length - MASTERY_SHOWN} more`);
  return [
    { label: 'Cards learned', value: String(stats.learned) },
    { label: 'Due', value: `${stats.dueToday} today, ${stats.dueWeek} over the next 7 days` },
    { label: 'Retention', value: stats.retention === null ? '–' : `${percent(stats.retention)} of ${stats.reviews30} reviews in 30 days` },
    { label: 'Practice streak', value: `${stats.streak} now, best ${stats.bestStreak}` },
    { label: 'Mastered', value: shown.length > 0 ? shown.join(', ') : '–' },
  ];
}
