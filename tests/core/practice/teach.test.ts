import { describe, expect, it } from 'vitest';
import { gradingThatTeaches } from '../../../src/core/practice/index.js';
import type { GradeRequest, GradeResult } from '../../../src/core/scoring/types.js';
import { RecordingLogger } from '../../fakes/world.js';
import { gradeOf } from './grades.js';

const result: GradeResult = { grade: 'got', points: 3, bonus: 0, previous: null, changed: true, late: false };

describe('grading that teaches practice', () => {
  it('records the grade first, then teaches the card, and answers with scoring’s result', async () => {
    const calls: string[] = [];
    const grading = gradingThatTeaches(
      {
        grade: async (req: GradeRequest) => {
          calls.push(`scoring ${req.questionId}`);
          return result;
        },
        gradeOn: async () => null,
      },
      { learnFromGrade: async (req) => void calls.push(`practice ${req.questionId}`) },
      new RecordingLogger(),
    );
    expect(await grading.grade(gradeOf('att-1', 'got', new Date('2026-12-01T09:00:00Z')))).toBe(result);
    expect(calls).toEqual(['scoring att-1', 'practice att-1']);
  });

  it('reads a held grade back from scoring, teaching nothing', async () => {
    const taught: string[] = [];
    const held = { grade: 'partly' as const, points: 1, late: false };
    const grading = gradingThatTeaches(
      { grade: async () => result, gradeOn: async (_user, postId) => (postId === 'p1' ? held : null) },
      { learnFromGrade: async (req) => void taught.push(req.postId) },
      new RecordingLogger(),
    );
    expect(await grading.gradeOn({ platform: 'web', workspaceId: 'w', userId: 'u' }, 'p1')).toBe(held);
    expect(await grading.gradeOn({ platform: 'web', workspaceId: 'w', userId: 'u' }, 'p2')).toBeNull();
    expect(taught).toEqual([]);
  });

  it('logs a practice failure and still answers the grade', async () => {
    const logger = new RecordingLogger();
    const grading = gradingThatTeaches({ grade: async () => result, gradeOn: async () => null }, { learnFromGrade: async () => Promise.reject(new Error('store down')) }, logger);
    expect(await grading.grade(gradeOf('att-1', 'got', new Date('2026-12-01T09:00:00Z')))).toBe(result);
    expect(logger.at('error').map((e) => e.msg)).toEqual(['practice: a grade could not teach its card']);
  });

  it('teaches nothing when scoring refuses the grade', async () => {
    const taught: string[] = [];
    const grading = gradingThatTeaches(
      { grade: async () => Promise.reject(new Error('bad')), gradeOn: async () => null },
      { learnFromGrade: async (req) => void taught.push(req.postId) },
      new RecordingLogger(),
    );
    await expect(grading.grade(gradeOf('att-1', 'got', new Date('2026-12-01T09:00:00Z')))).rejects.toThrow('bad');
    expect(taught).toEqual([]);
  });
});
