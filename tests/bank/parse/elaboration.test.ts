import { describe, expect, it } from 'vitest';
import { parseText } from '../../helpers/bank.js';

describe('elaboration lines in a list of unanswered questions', () => {
  const bank = [
    'Questions on caching:',
    '',
    'How do you choose a cache eviction policy?',
    '',
    'Discuss LRU, LFU, and TTL-based eviction, and how access patterns decide between them.',
    '',
    'How would you warm a cold cache after a deploy?',
    '',
    'Talk about replaying recent traffic, preloading hot keys, and the cost of a thundering herd on the cold cache.',
    '',
    'Describe write-through and write-back caches.',
    '',
    'Discuss the trade-offs of caching at the CDN vs. the application.',
    '',
  ].join('\n');

  it('are hints of the question above them, not questions, when they list what to cover on its subject', () => {
    const { questions, warnings } = parseText(bank);
    expect(warnings).toEqual([]);
    expect(questions.map((q) => [q.question, q.hints])).toEqual([
      ['How do you choose a cache eviction policy?', [expect.stringMatching(/^Discuss LRU, LFU, and TTL/)]],
      ['How would you warm a cold cache after a deploy?', [expect.stringMatching(/^Talk about replaying recent traffic/)]],
      ['Describe write-through and write-back caches.', []],
      ['Discuss the trade-offs of caching at the CDN vs. the application.', []],
    ]);
    // A directive that lists points but shares no subject with the question above is the next question.
    const other = parseText('Questions on queues:\n\nWhat is back-pressure?\n\nDescribe a dead-letter queue, its retention, and its alerts.\n');
    expect(other.questions.map((q) => q.question)).toEqual(['What is back-pressure?', 'Describe a dead-letter queue, its retention, and its alerts.']);
  });
});
