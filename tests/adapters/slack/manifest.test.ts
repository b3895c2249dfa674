import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_EVENTS, BOT_SCOPES, EVENTS_PATH, SLASH_COMMAND } from '../../../src/adapters/slack/index.js';
import { repoRoot } from '../../helpers/bank.js';

const manifest = readFileSync(path.join(repoRoot, 'slack/manifest.yml'), 'utf8');

/** The `- item` lines under a `key:` line, at that key's indentation plus two. */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const at = lines.findIndex((l) => l.trimEnd().endsWith(`${key}:`) && !l.trimStart().startsWith('#'));
  if (at < 0) throw new Error(`no ${key} in the manifest`);
  const items: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const m = /^\s*- (.+)$/.exec(line);
    if (!m) break;
    items.push((m[1] ?? '').trim());
  }
  return items;
}

describe('slack/manifest.yml matches what the Bolt adapter uses', () => {
  it('asks for exactly the bot scopes the adapter calls for, no more', () => {
    expect(listUnder('bot')).toEqual([...BOT_SCOPES]);
  });

  it('subscribes to the events the adapter handles', () => {
    expect(listUnder('bot_events')).toEqual([...BOT_EVENTS]);
  });

  it('declares the one slash command and points commands, events and interactivity at the one endpoint', () => {
    expect(manifest).toContain(`- command: ${SLASH_COMMAND}\n`);
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toBe(`https://recall.example.com${EVENTS_PATH}`);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(manifest).toMatch(/should_escape: true/);
  });
});
